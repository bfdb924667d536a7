"""DATABASE_URL as the libpq tools take it: no password on their command line."""

from adapters.backup.connection import database_name, tool_target


def test_the_password_goes_to_the_environment_not_the_command_line() -> None:
    target = tool_target("postgresql+asyncpg://app:s%40cret@db.internal:5432/frontdoor")
    assert target.url == "postgresql://app@db.internal:5432/frontdoor"
    assert target.env == {"PGPASSWORD": "s@cret"}


def test_asyncpgs_ssl_parameter_becomes_libpqs_sslmode() -> None:
    target = tool_target("postgres://app@db/frontdoor?ssl=require&application_name=backup")
    assert target.url == "postgresql://app@db/frontdoor?sslmode=require&application_name=backup"
    assert target.env == {}


def test_the_embedded_servers_socket_url_keeps_its_host() -> None:
    target = tool_target("postgresql://postgres:@/frontdoor?host=/tmp/pg")
    assert target.url == "postgresql://postgres@/frontdoor?host=%2Ftmp%2Fpg"
    assert target.env == {}
    assert database_name("postgresql://postgres:@/frontdoor?host=/tmp/pg") == "frontdoor"

"""From the app's DATABASE_URL to what asyncpg and the libpq tools (pg_dump, pg_restore) take.

The password goes to the tools in PGPASSWORD, never on their command line, where `ps` shows it.
"""

from dataclasses import dataclass, field
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

SCHEMES = ("postgresql+asyncpg://", "postgresql://", "postgres://")


def plain_url(url: str) -> str:
    """`postgresql://...`, as asyncpg and libpq spell it."""
    for scheme in SCHEMES:
        if url.startswith(scheme):
            return "postgresql://" + url[len(scheme) :]
    raise ValueError("DATABASE_URL must be a PostgreSQL URL")


@dataclass(frozen=True)
class ToolTarget:
    """A database as the libpq tools reach it: a URL without password, and the environment."""

    url: str
    env: dict[str, str] = field(default_factory=dict)


def tool_target(url: str) -> ToolTarget:
    parts = urlsplit(plain_url(url))
    userinfo, at, hostport = parts.netloc.rpartition("@")
    user, _, password = userinfo.partition(":")
    netloc = f"{user}@{hostport}" if at and user else hostport
    query = urlencode([_libpq_parameter(key, value) for key, value in parse_qsl(parts.query)])
    env = {"PGPASSWORD": unquote(password)} if password else {}
    return ToolTarget(urlunsplit(parts._replace(netloc=netloc, query=query)), env)


def _libpq_parameter(key: str, value: str) -> tuple[str, str]:
    # asyncpg reads `ssl=require`; libpq knows the same modes as `sslmode`.
    return ("sslmode", value) if key == "ssl" else (key, value)


def database_name(url: str) -> str:
    return unquote(urlsplit(plain_url(url)).path.lstrip("/")) or "postgres"


def with_database(url: str, name: str) -> str:
    parts = urlsplit(plain_url(url))
    return urlunsplit(parts._replace(path=f"/{name}"))

"""Receiving mail is on by default in development (port 2525), off in production until set."""

import pytest

from api.settings import Environment, Settings


def _settings(**values: object) -> Settings:
    return Settings.model_validate({"database_url": None, **values})


@pytest.fixture(autouse=True)
def _no_inbound_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("FRONTDOOR_SMTP_INBOUND_PORT", "FRONTDOOR_IMAP_HOST", "FRONTDOOR_ENV"):
        monkeypatch.delenv(name, raising=False)


def test_development_listens_on_2525_unless_turned_off() -> None:
    assert _settings().smtp_inbound_listen_port == 2525
    assert _settings(smtp_inbound_port=0).smtp_inbound_listen_port is None
    assert not _settings(smtp_inbound_port=0).receives_mail


def test_production_listens_only_when_a_port_is_set() -> None:
    production = _settings(env=Environment.PRODUCTION)
    assert production.smtp_inbound_listen_port is None
    assert not production.receives_mail
    chosen = _settings(env=Environment.PRODUCTION, smtp_inbound_port=25)
    assert chosen.smtp_inbound_listen_port == 25


def test_an_imap_host_alone_is_enough_to_receive_mail() -> None:
    polling = _settings(env=Environment.PRODUCTION, imap_host="imap.city.example")
    assert polling.receives_mail and polling.smtp_inbound_listen_port is None


def test_the_size_limit_defaults_to_25_mb() -> None:
    assert _settings().smtp_max_bytes == 25 * 1024 * 1024

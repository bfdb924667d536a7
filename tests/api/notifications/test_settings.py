import pytest
from pydantic import ValidationError

from adapters.notifications.files import FileEmailSender
from adapters.notifications.smtp import SmtpEmailSender
from api.notification_settings import EmailBackend
from api.settings import Settings
from api.worker_bootstrap import build_email_sender, public_links
from domain.shared.clock import SystemClock


def test_development_writes_emails_to_files_by_default() -> None:
    settings = Settings()
    assert settings.email_backend is EmailBackend.FILE
    assert isinstance(build_email_sender(settings, SystemClock()), FileEmailSender)


def test_smtp_is_chosen_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTDOOR_EMAIL_BACKEND", "smtp")
    monkeypatch.setenv("FRONTDOOR_SMTP_PORT", "2525")
    monkeypatch.setenv("FRONTDOOR_MAIL_DIR", "mail-elsewhere")
    settings = Settings()
    assert (settings.smtp_port, settings.mail_dir) == (2525, "mail-elsewhere")
    assert isinstance(build_email_sender(settings, SystemClock()), SmtpEmailSender)


@pytest.mark.parametrize(
    "variable",
    [
        "FRONTDOOR_EMAIL_BACKEND",
        "FRONTDOOR_PUBLIC_STATUS_URL",
        "FRONTDOOR_PUBLIC_UNSUBSCRIBE_URL",
        "FRONTDOOR_API_PUBLIC_URL",
    ],
)
def test_bad_values_stop_start_up(monkeypatch: pytest.MonkeyPatch, variable: str) -> None:
    # not a backend; a status URL without {number}, an unsubscribe URL without {token}; no URL
    monkeypatch.setenv(variable, "pigeon")
    with pytest.raises(ValidationError, match=variable.removeprefix("FRONTDOOR_").lower()):
        Settings()


def test_the_links_in_resident_emails_come_from_the_settings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FRONTDOOR_API_PUBLIC_URL", "https://api.311.city.example/")
    monkeypatch.setenv("FRONTDOOR_PUBLIC_UNSUBSCRIBE_URL", "https://311.city.example/stop/{token}")
    links = public_links(Settings())
    assert links.unsubscribe("t.k") == "https://311.city.example/stop/t.k"
    assert links.list_unsubscribe("t.k") == (
        "<https://api.311.city.example/api/v1/notifications/unsubscribe?token=t.k>"
    )
    monkeypatch.setenv("FRONTDOOR_MAIL_UNSUBSCRIBE", "mailto:311@city.example?subject=stop")
    assert public_links(Settings()).list_unsubscribe("t.k") == (
        "<https://api.311.city.example/api/v1/notifications/unsubscribe?token=t.k>, "
        "<mailto:311@city.example?subject=stop>"
    )

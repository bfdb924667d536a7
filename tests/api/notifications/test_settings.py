import pytest
from pydantic import ValidationError

from adapters.notifications.files import FileEmailSender
from adapters.notifications.smtp import SmtpEmailSender
from api.notification_settings import EmailBackend
from api.notifications import build_email_sender
from api.settings import Settings
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


@pytest.mark.parametrize("variable", ["FRONTDOOR_EMAIL_BACKEND", "FRONTDOOR_PUBLIC_STATUS_URL"])
def test_bad_values_stop_start_up(monkeypatch: pytest.MonkeyPatch, variable: str) -> None:
    monkeypatch.setenv(variable, "pigeon")  # not a backend; a status URL without {number}
    with pytest.raises(ValidationError, match=variable.removeprefix("FRONTDOOR_").lower()):
        Settings()

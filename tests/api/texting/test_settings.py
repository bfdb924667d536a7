import pytest
from pydantic import ValidationError

from adapters.notifications.files import FileSmsSender
from adapters.notifications.twilio import TwilioSmsSender
from api.settings import Settings
from api.worker_bootstrap import build_sms_sender
from domain.shared.clock import SystemClock


def test_development_writes_texts_to_files_by_default() -> None:
    settings = Settings()
    assert not settings.twilio_configured
    assert isinstance(build_sms_sender(settings, SystemClock()), FileSmsSender)


def test_twilio_is_chosen_when_its_account_is_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTDOOR_TWILIO_ACCOUNT_SID", "AC" + "0" * 32)
    monkeypatch.setenv("FRONTDOOR_TWILIO_AUTH_TOKEN", "token")
    assert isinstance(build_sms_sender(Settings(), SystemClock()), FileSmsSender)  # no sender
    monkeypatch.setenv("FRONTDOOR_TWILIO_FROM", "+14105550199")
    monkeypatch.setenv("FRONTDOOR_TWILIO_API_BASE", "http://127.0.0.1:9999/")
    settings = Settings()
    assert settings.twilio_api_base == "http://127.0.0.1:9999"
    assert isinstance(build_sms_sender(settings, SystemClock()), TwilioSmsSender)


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("FRONTDOOR_TWILIO_API_BASE", "api.twilio.com"),
        ("FRONTDOOR_PUBLIC_BASE_URL", "311.city.example"),
        ("FRONTDOOR_SMS_COUNTRY_CODE", "+1"),
    ],
)
def test_bad_values_are_refused(monkeypatch: pytest.MonkeyPatch, variable: str, value: str) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(ValidationError):
        Settings()

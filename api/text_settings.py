"""Settings of text messages through Twilio (FRONTDOOR_ variables, in the README's table)."""

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class TextSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FRONTDOOR_", extra="ignore")

    twilio_account_sid: str | None = None
    twilio_auth_token: str | None = None
    twilio_from: str | None = None  # a phone number, or a messaging service SID (MG...)
    twilio_api_base: str = "https://api.twilio.com"
    twilio_timeout_seconds: float = Field(default=10.0, gt=0, le=120)
    # Numbers written without a country code (410-555-0123) are in this country.
    sms_country_code: str = Field(default="1", pattern=r"^[1-9][0-9]{0,2}$")
    # A text from a number that wrote within this many hours joins that conversation.
    text_thread_hours: float = Field(default=72.0, gt=0, le=24 * 90)
    # The URL Twilio posts to is signed: behind a proxy, this API's public base URL.
    public_base_url: str | None = None

    @field_validator("twilio_api_base", "public_base_url")
    @classmethod
    def _web_address(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("https://", "http://")):
            raise ValueError("must be an http(s) base URL")
        return value.rstrip("/") if value else value

    @property
    def twilio_configured(self) -> bool:
        return bool(self.twilio_account_sid and self.twilio_auth_token and self.twilio_from)

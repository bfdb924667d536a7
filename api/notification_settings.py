"""Settings of resident notifications and manager escalations (FRONTDOOR_ variables)."""

from enum import StrEnum

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class EmailBackend(StrEnum):
    FILE = "file"  # .eml files in FRONTDOOR_MAIL_DIR, for development
    SMTP = "smtp"


class NotificationSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FRONTDOOR_", extra="ignore")

    email_backend: EmailBackend = EmailBackend.FILE
    mail_dir: str = ".mail"
    mail_from: str = "City 311 <311@example.org>"
    mail_unsubscribe: str | None = None  # one more List-Unsubscribe target (e.g. a mailto:)
    smtp_host: str = "localhost"
    smtp_port: int = Field(default=587, ge=1, le=65535)
    smtp_user: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = True
    smtp_tls: bool = False
    public_status_url: str = "http://127.0.0.1:8000/status/{number}"
    public_lookup_url: str = "http://127.0.0.1:8000/status"
    public_unsubscribe_url: str = "http://127.0.0.1:8000/unsubscribe?token={token}"
    api_public_url: str = "http://127.0.0.1:8000"  # where mail clients reach this API

    @field_validator("public_status_url")
    @classmethod
    def _names_the_number(cls, value: str) -> str:
        if "{number}" not in value:
            raise ValueError("must contain {number}, replaced by the request's reference")
        return value

    @field_validator("public_unsubscribe_url")
    @classmethod
    def _names_the_token(cls, value: str) -> str:
        if "{token}" not in value:
            raise ValueError("must contain {token}, replaced by the address's opt-out token")
        return value

    @field_validator("api_public_url")
    @classmethod
    def _is_a_web_address(cls, value: str) -> str:
        if not value.startswith(("https://", "http://")):
            raise ValueError("must be the API's public http(s) base URL")
        return value.rstrip("/")

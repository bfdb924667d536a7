"""Settings of mail residents send to 311 (FRONTDOOR_ variables, in the README's table)."""

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEVELOPMENT_SMTP_PORT = 2525


class InboundMailSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FRONTDOOR_", extra="ignore")

    # unset: 2525 in development, off in production; 0: off
    smtp_inbound_port: int | None = Field(default=None, ge=0, le=65535)
    smtp_inbound_host: str = "127.0.0.1"
    smtp_max_bytes: int = Field(default=25 * 1024 * 1024, ge=64 * 1024, le=200 * 1024 * 1024)
    imap_host: str | None = None  # unset: no mailbox is polled
    imap_port: int = Field(default=993, ge=1, le=65535)
    imap_user: str = ""
    imap_password: str = ""
    imap_mailbox: str = "INBOX"
    imap_tls: bool = True  # TLS from the start (993); false for a plain connection
    imap_poll_seconds: float = Field(default=60.0, ge=1, le=3600)
    inbox_acks_per_hour: int = Field(default=3, ge=0, le=1000)  # per sender: mail loops die

    def inbound_smtp_port(self, development: bool) -> int | None:
        """The port to listen on, or None for no listener."""
        if self.smtp_inbound_port is None:
            return DEVELOPMENT_SMTP_PORT if development else None
        return self.smtp_inbound_port or None

    @property
    def polls_imap(self) -> bool:
        return bool(self.imap_host)

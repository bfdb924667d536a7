"""Configuration from environment variables (documented in the README's table)."""

from datetime import date, time
from enum import StrEnum
from ipaddress import ip_network
from pathlib import Path
from typing import Self
from zoneinfo import ZoneInfo

from pydantic import AliasChoices, Field, field_validator, model_validator
from pydantic_settings import SettingsConfigDict

from api.body_limit import parse_body_limits
from api.identity_settings import IdentitySettings, parse_jwt_keys
from api.inbound_settings import InboundMailSettings
from api.notification_settings import NotificationSettings
from api.privacy_settings import PrivacySettings
from api.public_settings import PublicSettings
from api.rate_limit_settings import RateLimitSettings
from api.retention_settings import RetentionSettings
from api.survey_settings import SurveySettings
from api.text_settings import TextSettings
from domain.shared.languages import Languages, normalise_tag

DEFAULT_SECRET = "frontdoor-development-secret-not-for-production"  # noqa: S105
DEFAULT_KID = "default"  # the id of FRONTDOOR_SECRET_KEY when FRONTDOOR_JWT_KEYS is not set


class Environment(StrEnum):
    DEVELOPMENT = "development"
    PRODUCTION = "production"


class MediaBackend(StrEnum):
    DISK = "disk"  # FRONTDOOR_MEDIA_DIR: share it between API machines
    POSTGRES = "postgres"  # the media_blobs table: nothing to share but the database


class Settings(
    NotificationSettings,
    RetentionSettings,
    PrivacySettings,
    PublicSettings,
    RateLimitSettings,
    TextSettings,
    SurveySettings,
    InboundMailSettings,
    IdentitySettings,
):
    model_config = SettingsConfigDict(env_prefix="FRONTDOOR_", extra="ignore")

    env: Environment = Environment.DEVELOPMENT
    database_url: str | None = Field(
        default=None, validation_alias=AliasChoices("DATABASE_URL", "FRONTDOOR_DATABASE_URL")
    )
    # A streaming replica for the reports (metrics, open data, report card, staff exports),
    # which tolerate its lag; unset: they read the primary (README, "Across several machines").
    read_database_url: str | None = None
    data_dir: str = ".data"
    host: str = Field(default="127.0.0.1", validation_alias=AliasChoices("HOST", "FRONTDOOR_HOST"))
    port: int = Field(default=8000, validation_alias=AliasChoices("PORT", "FRONTDOOR_PORT"))
    workers: int = Field(default=1, ge=1, le=64)
    secret_key: str = DEFAULT_SECRET
    allow_default_secret: bool = False
    demo_data: bool | None = None
    allow_demo_in_production: bool = False
    timezone: str = "America/New_York"
    business_hours: str = "08:00-17:00"
    holidays: str = ""
    token_ttl_minutes: int = Field(default=480, ge=1, le=7 * 24 * 60)
    jwt_issuer: str = "frontdoor"
    jwt_audience: str = "frontdoor-api"
    db_pool_size: int = Field(default=10, ge=1, le=200)
    db_max_overflow: int = Field(default=10, ge=0, le=200)
    max_body_bytes: int = 1024 * 1024
    body_limits: str = ""  # /path/prefix=bytes,... (api/body_limits.py)
    request_timeout_seconds: float = Field(default=30.0, gt=0, le=3600)
    long_request_timeout_seconds: float = Field(default=300.0, gt=0, le=86400)  # exports, imports
    statement_timeout_seconds: float = Field(default=30.0, ge=0, le=86400)  # 0: none
    log_level: str = "INFO"
    metrics_token: str | None = None
    index_check_seconds: float = Field(default=1.0, ge=0, le=60)
    open311_jurisdiction_id: str = "frontdoor"
    open311_contact: str = "311 contact center, 311@example.org"
    run_worker: bool = True  # `python -m api` also starts one `python -m api worker`
    worker_heartbeat_seconds: float = Field(default=30.0, gt=0, le=3600)
    escalation_cron: str = "* * * * *"  # empty: this worker runs no escalation scan
    escalation_due_soon_fraction: float = Field(default=0.8, gt=0, lt=1)
    escalation_due_soon_hours: float = Field(default=0.0, ge=0)
    webhook_timeout_seconds: float = Field(default=10.0, gt=0, le=120)
    webhook_retry_base_seconds: float = Field(default=10.0, gt=0)
    webhook_retry_cap_seconds: float = Field(default=4 * 3600.0, gt=0)
    webhook_retry_window_hours: float = Field(default=24.0, gt=0)
    media_backend: MediaBackend = MediaBackend.DISK
    media_dir: str | None = None  # default: <data_dir>/media; unused by the postgres backend
    outbound_allow_loopback: bool = False
    outbound_allowed_cidrs: str = ""
    outbound_timeout_seconds: float = Field(default=10.0, gt=0, le=120)
    outbound_max_redirects: int = Field(default=3, ge=0, le=10)
    spa_dir: str = "frontend/dist"
    languages: str = "en,es"  # the catalog's own language first, then its translations
    call_threshold_seconds: float = Field(default=25.0, gt=0, le=3600)  # service level

    @field_validator("languages")
    @classmethod
    def _language_tags(cls, value: str) -> str:
        tags = [normalise_tag(tag) for tag in value.split(",") if tag.strip()]
        if not tags or None in tags or len(set(tags)) != len(tags):
            raise ValueError("a comma list of distinct language tags, the default first")
        return ",".join(tag for tag in tags if tag)

    @field_validator("body_limits")
    @classmethod
    def _body_limits(cls, value: str) -> str:
        parse_body_limits(value)
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        ZoneInfo(value)
        return value

    @field_validator("outbound_allowed_cidrs")
    @classmethod
    def _cidrs(cls, value: str) -> str:
        for cidr in filter(None, (c.strip() for c in value.split(","))):
            ip_network(cidr)
        return value

    @model_validator(mode="after")
    def _issuers_differ(self) -> Self:
        if self.oidc_issuer and self.oidc_issuer == self.jwt_issuer:
            raise ValueError("FRONTDOOR_OIDC_ISSUER must differ from FRONTDOOR_JWT_ISSUER")
        return self

    @property
    def jwt_signing_keys(self) -> tuple[tuple[str, str], ...]:
        """(kid, secret) pairs, the signing one first: FRONTDOOR_JWT_KEYS, or the secret key."""
        return parse_jwt_keys(self.jwt_keys) or ((DEFAULT_KID, self.secret_key),)

    @property
    def media_directory(self) -> str:
        return self.media_dir or str(Path(self.data_dir) / "media")

    @property
    def load_demo_data(self) -> bool:
        if self.demo_data is None:
            return self.env is Environment.DEVELOPMENT
        return self.demo_data

    @property
    def catalog_languages(self) -> Languages:
        default, *others = self.languages.split(",")
        return Languages(default, tuple(others))

    @property
    def smtp_inbound_listen_port(self) -> int | None:
        """FRONTDOOR_SMTP_INBOUND_PORT; unset, 2525 in development and off in production."""
        return self.inbound_smtp_port(self.env is Environment.DEVELOPMENT)

    @property
    def receives_mail(self) -> bool:
        return self.smtp_inbound_listen_port is not None or self.polls_imap

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def opening_hours(self) -> tuple[time, time]:
        opens, closes = self.business_hours.split("-")
        return time.fromisoformat(opens.strip()), time.fromisoformat(closes.strip())

    @property
    def holiday_dates(self) -> frozenset[date]:
        return frozenset(
            date.fromisoformat(d.strip()) for d in self.holidays.split(",") if d.strip()
        )

    def refusals(self) -> list[str]:
        """Reasons a production process must not start."""
        if self.env is not Environment.PRODUCTION:
            return []
        reasons = []
        if self.secret_key == DEFAULT_SECRET and not self.allow_default_secret:
            reasons.append(
                "FRONTDOOR_SECRET_KEY is the default; set a secret "
                "(or FRONTDOOR_ALLOW_DEFAULT_SECRET=true)"
            )
        if len(self.secret_key) < 32 and not self.allow_default_secret:
            reasons.append("FRONTDOOR_SECRET_KEY must be at least 32 characters")
        if self.load_demo_data and not self.allow_demo_in_production:
            reasons.append(
                "demo data is enabled in production; unset FRONTDOOR_DEMO_DATA "
                "(or FRONTDOOR_ALLOW_DEMO_IN_PRODUCTION=true)"
            )
        if any(secret == DEFAULT_SECRET for _, secret in parse_jwt_keys(self.jwt_keys)):
            reasons.append("FRONTDOOR_JWT_KEYS holds the default secret; set a key of your own")
        return reasons + self.identity_refusals()

"""Settings of the rate limits and of CORS (FRONTDOOR_ variables, in the README's table)."""

from urllib.parse import urlsplit

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class RateLimitSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FRONTDOOR_", extra="ignore")

    lookup_per_client: int = Field(default=30, ge=1, le=100_000)  # per client address
    lookup_per_contact: int = Field(default=10, ge=1, le=100_000)  # per email or phone
    lookup_window_minutes: int = Field(default=15, ge=1, le=24 * 60)
    unsubscribe_refusals_per_client: int = Field(default=30, ge=1, le=100_000)  # per 15 minutes
    api_key_writes_per_minute: int = Field(default=600, ge=1, le=1_000_000)  # per key
    cors_origins: str = ""  # comma list of exact origins; empty: no CORS headers at all

    @field_validator("cors_origins")
    @classmethod
    def _exact_origins(cls, value: str) -> str:
        origins = [o.strip().removesuffix("/") for o in value.split(",") if o.strip()]
        for origin in origins:
            parts = urlsplit(origin)
            exact = parts.scheme in ("http", "https") and parts.hostname and "*" not in origin
            if not exact or parts.path or parts.query or parts.fragment:
                raise ValueError(f"{origin!r} is not an origin such as https://portal.example.org")
        return ",".join(origins)

    @property
    def cors_origin_list(self) -> list[str]:
        return [o for o in self.cors_origins.split(",") if o]

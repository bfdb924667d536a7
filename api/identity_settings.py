"""Settings of signing in: our token keys, the city's single sign-on, and sign-in throttling.

FRONTDOOR_ variables, described in the README's "Sign-in and identity" part.
"""

from typing import Self

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from domain.directory.single_sign_on import GroupRoles

MIN_KEY_LENGTH = 32


def parse_jwt_keys(text: str) -> tuple[tuple[str, str], ...]:
    """ "kid1:secret1,kid2:secret2" -> ((kid1, secret1), ...); the first one signs."""
    keys = []
    for entry in filter(None, (e.strip() for e in text.split(","))):
        kid, colon, secret = entry.partition(":")
        if not colon or not kid.strip() or not secret.strip():
            raise ValueError("a comma list of kid:secret pairs, the signing key first")
        keys.append((kid.strip(), secret.strip()))
    if len({kid for kid, _ in keys}) != len(keys):
        raise ValueError("each key id may appear once")
    return tuple(keys)


class IdentitySettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FRONTDOOR_", extra="ignore")

    jwt_keys: str = ""  # "kid:secret,..."; empty: FRONTDOOR_SECRET_KEY with kid "default"
    oidc_issuer: str | None = None  # set: tokens of this issuer are checked against its JWKS
    oidc_jwks_url: str | None = None
    oidc_audience: str | None = None
    oidc_role_claim: str = "groups"  # a dotted path reaches nested claims: realm_access.roles
    oidc_email_claim: str = "email"
    oidc_group_roles: str = ""  # "group:role,...": admin, supervisor, agent, staff@dept, ...
    oidc_jwks_cache_seconds: float = Field(default=3600.0, ge=0, le=7 * 24 * 3600)
    oidc_jwks_refresh_seconds: float = Field(default=30.0, ge=0, le=3600)  # between fetches
    oidc_timeout_seconds: float = Field(default=5.0, gt=0, le=60)
    oidc_leeway_seconds: int = Field(default=30, ge=0, le=300)  # clock skew with the provider
    signin_failures_per_user: int = Field(default=5, ge=1, le=10_000)
    signin_failures_per_address: int = Field(default=20, ge=1, le=100_000)
    signin_window_minutes: int = Field(default=15, ge=1, le=24 * 60)

    @field_validator("jwt_keys")
    @classmethod
    def _keys(cls, value: str) -> str:
        parse_jwt_keys(value)
        return value

    @field_validator("oidc_group_roles")
    @classmethod
    def _group_roles(cls, value: str) -> str:
        GroupRoles.parse(value)
        return value

    @model_validator(mode="after")
    def _provider_complete(self) -> Self:
        if self.oidc_issuer and not (self.oidc_jwks_url and self.oidc_audience):
            raise ValueError("FRONTDOOR_OIDC_ISSUER needs FRONTDOOR_OIDC_JWKS_URL and _AUDIENCE")
        return self

    @property
    def oidc_enabled(self) -> bool:
        return bool(self.oidc_issuer)

    @property
    def group_roles(self) -> GroupRoles:
        return GroupRoles.parse(self.oidc_group_roles)

    def identity_refusals(self) -> list[str]:
        """Reasons a production process must not start (called by Settings.refusals)."""
        reasons = [
            f"FRONTDOOR_JWT_KEYS: key {kid} must be at least {MIN_KEY_LENGTH} characters"
            for kid, secret in parse_jwt_keys(self.jwt_keys)
            if len(secret) < MIN_KEY_LENGTH
        ]
        if self.oidc_enabled and not (self.oidc_jwks_url or "").startswith("https://"):
            reasons.append("FRONTDOOR_OIDC_JWKS_URL must be an https:// URL")
        return reasons

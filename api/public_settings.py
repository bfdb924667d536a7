"""Settings of the residents' public web form (FRONTDOOR_ variables, in the README's table)."""

from ipaddress import ip_network

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class PublicSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FRONTDOOR_", extra="ignore")

    public_submissions_per_hour: int = Field(default=10, ge=1, le=100_000)  # per client address
    trusted_proxies: str = ""  # comma list of CIDRs whose X-Forwarded-For we believe
    public_proof_bits: int = Field(default=16, ge=0, le=32)  # proof-of-work difficulty
    public_min_fill_seconds: float = Field(default=3.0, ge=0, le=600)
    public_follow_confirm_url: str = "http://127.0.0.1:8000/follow/confirm?token={token}"

    @field_validator("trusted_proxies")
    @classmethod
    def _cidrs(cls, value: str) -> str:
        for cidr in filter(None, (c.strip() for c in value.split(","))):
            ip_network(cidr, strict=False)
        return value

    @field_validator("public_follow_confirm_url")
    @classmethod
    def _names_the_token(cls, value: str) -> str:
        if "{token}" not in value:
            raise ValueError("must contain {token}, replaced by the follower's confirm token")
        return value

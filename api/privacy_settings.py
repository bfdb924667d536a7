"""Settings of the anonymization job (FRONTDOOR_ANONYMIZE_* variables); what it keeps and
what it takes out is in domain/privacy/anonymization.py."""

from datetime import timedelta

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from domain.privacy.anonymization import DEFAULT_BATCH_SIZE, AnonymizationPolicy


class PrivacySettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FRONTDOOR_", extra="ignore")

    # Days after closing a request (or a contact's last change); 0 or empty: never anonymize.
    anonymize_after_days: int = Field(default=730, ge=0, le=36_500)
    anonymize_cron: str = "41 3 * * *"  # daily; empty: this worker never anonymizes
    anonymize_batch_size: int = Field(default=DEFAULT_BATCH_SIZE, ge=1, le=10_000)

    @field_validator("anonymize_after_days", mode="before")
    @classmethod
    def _empty_is_off(cls, value: object) -> object:
        return 0 if isinstance(value, str) and not value.strip() else value

    def anonymization_policy(self) -> AnonymizationPolicy | None:
        """None: anonymization is turned off."""
        if not self.anonymize_after_days:
            return None
        return AnonymizationPolicy(
            after=timedelta(days=self.anonymize_after_days),
            batch_size=self.anonymize_batch_size,
        )

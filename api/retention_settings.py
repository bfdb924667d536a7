"""Settings of the retention sweep (FRONTDOOR_RETENTION_* variables); the policy's reasons are
in domain/retention/model.py."""

from datetime import timedelta

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from domain.retention.model import DEFAULT_BATCH_SIZE, RetentionPolicy


class RetentionSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FRONTDOOR_", extra="ignore")

    retention_cron: str = "17 * * * *"  # hourly; empty: this worker never prunes
    retention_days_events: float = Field(default=14.0, gt=0)
    retention_days_notifications: float = Field(default=30.0, gt=0)
    retention_days_webhook_deliveries: float = Field(default=30.0, gt=0)
    retention_days_queue_log: float = Field(default=7.0, gt=0)
    retention_days_queue_statistics: float = Field(default=30.0, gt=0)
    retention_days_rate_limits: float = Field(default=1.0, gt=0)
    retention_batch_size: int = Field(default=DEFAULT_BATCH_SIZE, ge=1, le=100_000)

    @model_validator(mode="after")
    def _keeps_the_ledgers_long_enough(self) -> "RetentionSettings":
        self.retention_policy()  # the floors: RetentionPolicy raises ValueError below them
        return self

    def retention_policy(self) -> RetentionPolicy:
        return RetentionPolicy(
            handled_events=timedelta(days=self.retention_days_events),
            notification_deliveries=timedelta(days=self.retention_days_notifications),
            webhook_deliveries=timedelta(days=self.retention_days_webhook_deliveries),
            queue_log=timedelta(days=self.retention_days_queue_log),
            queue_statistics=timedelta(days=self.retention_days_queue_statistics),
            rate_limits=timedelta(days=self.retention_days_rate_limits),
            batch_size=self.retention_batch_size,
        )

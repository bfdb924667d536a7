"""`python -m api worker` needs a database to work on, and the settings map onto the worker."""

import os
import subprocess
import sys
from datetime import timedelta

import pytest
from pydantic import ValidationError

from api.settings import Settings
from api.worker_bootstrap import worker_config


def test_the_worker_refuses_to_start_without_a_database_url() -> None:
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "FRONTDOOR_DATABASE_URL")
    }
    done = subprocess.run(
        [sys.executable, "-m", "api", "worker"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert "DATABASE_URL" in done.stdout + done.stderr


def test_settings_shape_the_worker() -> None:
    config = worker_config(
        Settings(
            worker_heartbeat_seconds=2,
            escalation_cron="",
            escalation_due_soon_hours=4,
            webhook_retry_base_seconds=1,
            webhook_retry_window_hours=48,
        )
    )
    assert config.heartbeat_timeout == timedelta(seconds=2)
    assert config.escalation_cron is None
    assert config.escalation.due_soon_within == timedelta(hours=4)
    assert (config.retry.base, config.retry.window) == (timedelta(seconds=1), timedelta(hours=48))


def test_retention_settings_shape_the_sweep() -> None:
    config = worker_config(
        Settings(
            retention_cron="",
            retention_days_events=3,
            retention_days_webhook_deliveries=90,
            retention_days_rate_limits=0.25,
            retention_batch_size=200,
        )
    )
    assert config.retention_cron is None
    assert config.retention.handled_events == timedelta(days=3)
    assert config.retention.webhook_deliveries == timedelta(days=90)
    assert config.retention.rate_limits == timedelta(hours=6)
    assert config.retention.batch_size == 200
    assert worker_config(Settings()).retention_cron == "17 * * * *"


def test_the_event_ledger_cannot_be_set_below_its_floor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTDOOR_RETENTION_DAYS_EVENTS", "1")
    with pytest.raises(ValidationError, match="handled_events must be kept at least 2 days"):
        Settings()


def test_anonymization_settings_shape_the_job(monkeypatch: pytest.MonkeyPatch) -> None:
    config = worker_config(
        Settings(anonymize_after_days=365, anonymize_batch_size=50, anonymize_cron="5 2 * * *")
    )
    assert config.anonymize_cron == "5 2 * * *"
    assert config.anonymization is not None
    assert config.anonymization.after == timedelta(days=365)
    assert config.anonymization.batch_size == 50
    default = worker_config(Settings())
    assert default.anonymization is not None
    assert default.anonymization.after == timedelta(days=730)
    assert default.anonymize_cron == "41 3 * * *"
    for off in ("0", ""):
        monkeypatch.setenv("FRONTDOOR_ANONYMIZE_AFTER_DAYS", off)
        assert worker_config(Settings()).anonymization is None
    assert worker_config(Settings(anonymize_cron="")).anonymize_cron is None

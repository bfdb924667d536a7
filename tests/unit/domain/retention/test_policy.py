"""The retention policy: its defaults, its floors, and the cutoffs it gives the sweep."""

from datetime import UTC, datetime, timedelta

import pytest

from domain.retention.model import LEDGER_FLOOR, RetentionPolicy, Target

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_the_defaults_keep_the_event_ledger_two_weeks_and_the_delivery_log_a_month() -> None:
    cutoffs = RetentionPolicy().cutoffs(NOW)
    assert list(cutoffs) == list(Target)
    assert cutoffs[Target.HANDLED_EVENTS] == NOW - timedelta(days=14)
    assert cutoffs[Target.NOTIFICATION_DELIVERIES] == NOW - timedelta(days=30)
    assert cutoffs[Target.WEBHOOK_DELIVERIES] == NOW - timedelta(days=30)
    assert cutoffs[Target.QUEUE_LOG] == NOW - timedelta(days=7)
    assert cutoffs[Target.RATE_LIMITS] == NOW - timedelta(days=1)
    assert cutoffs[Target.IDEMPOTENCY_KEYS] == NOW  # expired keys: their own expiry


@pytest.mark.parametrize(
    "ledger", ["handled_events", "notification_deliveries", "webhook_deliveries"]
)
def test_no_event_ledger_is_kept_less_than_the_floor(ledger: str) -> None:
    RetentionPolicy(**{ledger: LEDGER_FLOOR})  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="at least 2 days"):
        RetentionPolicy(**{ledger: LEDGER_FLOOR - timedelta(seconds=1)})  # type: ignore[arg-type]


def test_rate_limits_outlive_their_window_and_batches_are_not_empty() -> None:
    with pytest.raises(ValueError, match="rate_limits"):
        RetentionPolicy(rate_limits=timedelta(minutes=10))
    with pytest.raises(ValueError, match="batch_size"):
        RetentionPolicy(batch_size=0)
    with pytest.raises(ValueError, match="pgqueuer"):
        RetentionPolicy(queue_log=timedelta(0))

"""Retention: how long the bookkeeping tables keep their rows before the periodic sweep prunes them.

Each of these tables only grows: the dispatcher's ledger (`handled_events`), the resident and
manager notification log, the webhook delivery log with its attempts, pgqueuer's job log and
statistics, the rate-limit windows and the expired idempotency keys. None of them is the
record of a request (requests, comments, cases and `escalations` are never pruned).
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

# How long an event's ledger rows are kept at the very least; see RetentionPolicy.
LEDGER_FLOOR = timedelta(days=2)
# Longer than the longest rate-limit window in use (the look-up's 15 minutes).
RATE_LIMIT_FLOOR = timedelta(hours=1)
DEFAULT_BATCH_SIZE = 1000


class Target(StrEnum):
    """What the sweep prunes; the values are the tables' names."""

    HANDLED_EVENTS = "handled_events"
    NOTIFICATION_DELIVERIES = "notification_deliveries"
    WEBHOOK_DELIVERIES = "webhook_deliveries"  # and their webhook_attempts with them
    QUEUE_LOG = "pgqueuer_log"
    QUEUE_STATISTICS = "pgqueuer_statistics"
    RATE_LIMITS = "rate_limits"
    IDEMPOTENCY_KEYS = "idempotency_keys"  # expired keys: their own expiry, no setting


# The tables that let an event be handled again without doing anything twice.
EVENT_LEDGERS = (Target.HANDLED_EVENTS, Target.NOTIFICATION_DELIVERIES, Target.WEBHOOK_DELIVERIES)


@dataclass(frozen=True)
class RetentionPolicy:
    """How long each table keeps a row, counted from its last use.

    **The event ledgers** — `handled_events`, `notification_deliveries` and
    `webhook_deliveries` — are what make handling an event again a no-op: the dispatcher
    skips the subscribers recorded in `handled_events`, a notification is claimed once per
    key in `notification_deliveries` (a resident's per event; a manager's escalation per
    request and threshold, which the never-pruned `escalations` table already announces only
    once), and the webhook fan-out inserts one delivery per (subscription, event) and sends
    only the rows it inserted. An event is handled again only by a dispatch job of that
    event: the first one (enqueued with the change), the same job picked up again after its
    worker stalled, or the retry a failing subscriber leaves behind (12 attempts, 5 s
    doubling up to 1 h: about 2 h 25 min of backoff in all). Webhook retries (for at least
    `FRONTDOOR_WEBHOOK_RETRY_WINDOW_HOURS`, 24 h by default) and redelivery from the log do
    not go through the dispatcher or `handled_events`: they send a delivery row again by its
    id and attempt number, so what they need is that row, which is never pruned while it is
    `pending` and otherwise counts its age from its last attempt (a redelivery starts the
    clock again).

    So "nothing is processed twice" holds as long as no ledger row goes while a dispatch job
    of its event can still run, and a job can wait in the queue for as long as the workers
    are down. Hence the exact rule: the sweep keeps, whatever their age, the ledger rows of
    every event that still has a dispatch job in pgqueuer's table (queued, running, or held
    as failed and re-queueable). A new dispatch job of an old event is only ever enqueued by
    a running one, which is in that table until after its retry is committed, so no such job
    can slip between the sweep's look at the queue and its delete.

    On top of that, no ledger may be kept less than `LEDGER_FLOOR`, 2 days: well beyond the
    whole dispatch retry chain and the default 24 h webhook retry window, so that with the
    workers running no work of an event is still in flight when its ledger may go, and an
    event replayed by hand from a job payload (adapters/jobs/codec.py keeps them readable for
    that) soon after an incident still finds its ledger.

    Rate-limit rows are counted per window (15 minutes for the look-up); a row is only read
    within its window, so anything older than `RATE_LIMIT_FLOOR` is dead weight.
    """

    handled_events: timedelta = timedelta(days=14)
    notification_deliveries: timedelta = timedelta(days=30)
    webhook_deliveries: timedelta = timedelta(days=30)  # partners redeliver from the log
    queue_log: timedelta = timedelta(days=7)
    queue_statistics: timedelta = timedelta(days=30)
    rate_limits: timedelta = timedelta(days=1)
    batch_size: int = DEFAULT_BATCH_SIZE

    def __post_init__(self) -> None:
        for target in EVENT_LEDGERS:
            if self.kept(target) < LEDGER_FLOOR:
                raise ValueError(
                    f"{target.value} must be kept at least {LEDGER_FLOOR.days} days: a dispatch"
                    " job handling its event again must still find it"
                )
        if self.rate_limits < RATE_LIMIT_FLOOR:
            raise ValueError("rate_limits must be kept at least an hour (its longest window)")
        if self.queue_log <= timedelta(0) or self.queue_statistics <= timedelta(0):
            raise ValueError("pgqueuer's log and statistics must be kept for some time")
        if self.batch_size < 1:
            raise ValueError("batch_size must be at least 1")

    def kept(self, target: Target) -> timedelta:
        """How long `target` keeps a row; expired idempotency keys go at once (they expire
        24 hours after their answer)."""
        if target is Target.IDEMPOTENCY_KEYS:
            return timedelta(0)
        kept: timedelta = getattr(self, _FIELD[target])
        return kept

    def cutoffs(self, now: datetime) -> dict[Target, datetime]:
        """Per target, the time before which its rows go (in the order the sweep takes them)."""
        return {target: now - self.kept(target) for target in Target}


_FIELD = {
    Target.HANDLED_EVENTS: "handled_events",
    Target.NOTIFICATION_DELIVERIES: "notification_deliveries",
    Target.WEBHOOK_DELIVERIES: "webhook_deliveries",
    Target.QUEUE_LOG: "queue_log",
    Target.QUEUE_STATISTICS: "queue_statistics",
    Target.RATE_LIMITS: "rate_limits",
}

"""The retention sweep's deletes: one bounded batch per call, each in its own short transaction.

A batch picks at most `limit` rows by `ctid` (or, for webhook deliveries, locks them with
`FOR UPDATE SKIP LOCKED`) and deletes just those, so a large backlog is worked through in
many small transactions instead of one that holds its locks for minutes. The batch repeats
its condition on the rows it deletes: a row changed since it was picked (an idempotency key
taken over, a delivery sent again) is left alone.

The event ledgers keep every row of an event that still has a dispatch job in pgqueuer's
table, whatever its age (see domain/retention/model.py): the job's payload is the event as
JSON (adapters/jobs/codec.py), whose `id` is the event id.
"""

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import TextClause, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.jobs.outbox import DISPATCH, queries_on
from domain.retention.model import Target

# The events that a dispatch job may still hand to a subscriber, in whatever state the job is.
PENDING_EVENTS = """
    pending AS MATERIALIZED (
        SELECT DISTINCT (convert_from(payload, 'UTF8')::jsonb ->> 'id')::uuid AS event_id
        FROM pgqueuer
        WHERE entrypoint = :dispatch AND payload IS NOT NULL
    )
"""
NOT_PENDING = "NOT EXISTS (SELECT 1 FROM pending p WHERE p.event_id = t.event_id)"

# table, the condition on its rows `t` (before :before), and whether it needs `pending`.
SIMPLE: dict[Target, tuple[str, str, bool]] = {
    Target.HANDLED_EVENTS: ("handled_events", f"t.handled_at < :before AND {NOT_PENDING}", True),
    Target.NOTIFICATION_DELIVERIES: (
        "notification_deliveries",
        f"t.sent_at < :before AND {NOT_PENDING}",
        True,
    ),
    # Only rows pgqueuer has folded into its statistics (done just before, in the batch).
    Target.QUEUE_LOG: ("pgqueuer_log", "t.created < :before AND t.aggregated", False),
    Target.QUEUE_STATISTICS: ("pgqueuer_statistics", "t.created < :before", False),
    Target.RATE_LIMITS: ("rate_limits", "t.window_start < :before", False),
    Target.IDEMPOTENCY_KEYS: ("idempotency_keys", "t.expires_at <= :before", False),
}


def _batched_delete(table: str, condition: str, pending: bool) -> TextClause:
    """Built from the constants above only."""
    with_pending = f"WITH {PENDING_EVENTS}" if pending else ""
    return text(
        f"""
        {with_pending}
        DELETE FROM {table} t
        WHERE t.ctid = ANY(ARRAY(SELECT t.ctid FROM {table} t WHERE {condition} LIMIT :limit))
          AND {condition}
        """  # noqa: S608
    )


BATCHES = {target: _batched_delete(*spec) for target, spec in SIMPLE.items()}

# A delivery goes with its attempts once it is settled (not `pending`: a retry or a
# redelivery is on its way) and both it and its last attempt are older than the cutoff:
# a redelivery restarts its clock.
WEBHOOK_BATCH = text(
    f"""
    WITH {PENDING_EVENTS},
    doomed AS (
        SELECT t.id FROM webhook_deliveries t
        WHERE t.status <> 'pending' AND t.created_at < :before
          AND NOT EXISTS (
              SELECT 1 FROM webhook_attempts a WHERE a.delivery_id = t.id AND a.at >= :before)
          AND {NOT_PENDING}
        LIMIT :limit
        FOR UPDATE OF t SKIP LOCKED
    ),
    attempts AS (
        DELETE FROM webhook_attempts WHERE delivery_id IN (SELECT id FROM doomed) RETURNING 1
    ),
    deliveries AS (
        DELETE FROM webhook_deliveries WHERE id IN (SELECT id FROM doomed) RETURNING 1
    )
    SELECT (SELECT count(*) FROM deliveries) AS deliveries,
           (SELECT count(*) FROM attempts) AS attempts
    """  # noqa: S608
)


class SqlRetentionStore:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def prune_batch(self, target: Target, before: datetime, limit: int) -> Mapping[str, int]:
        params = {"before": before, "limit": limit, "dispatch": DISPATCH}
        async with self._engine.begin() as db:
            if target is Target.WEBHOOK_DELIVERIES:
                row = (await db.execute(WEBHOOK_BATCH, params)).one()
                return {"webhook_deliveries": row.deliveries, "webhook_attempts": row.attempts}
            if target is Target.QUEUE_LOG:
                await _aggregate_queue_log(db)
            result = await db.execute(BATCHES[target], params)  # unused keys are ignored
        return {target.value: int(result.rowcount or 0)}


async def _aggregate_queue_log(db: AsyncConnection) -> None:
    """pgqueuer's own fold of its log into pgqueuer_statistics (advisory-locked against the
    workers' periodic fold), so that pruning the log never loses a count."""
    queries = await queries_on(db)
    await queries.aggregate_logs()

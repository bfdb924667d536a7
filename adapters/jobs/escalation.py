"""The escalation scan (a pgqueuer schedule): publish request.overdue once per threshold.

`escalations` holds (request, threshold) once announced; the insert, the request's next
sequence number and the event's job commit together, so a scan that runs twice at once or
again after a crash announces nothing twice.
"""

from datetime import datetime

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.jobs.outbox import PgQueuerOutbox
from domain.requests.escalation import (
    EscalationPolicy,
    OpenRequestFacts,
    Threshold,
    overdue_event,
)
from domain.shared.clock import Clock

BATCH = 500

# Candidates: open, SLA clock running, the furthest threshold reached not yet announced.
CANDIDATES = text(
    """
    SELECT id, requested_at, expected_at FROM service_requests r
    WHERE status <> 'closed' AND expected_at IS NOT NULL
      AND NOT (status = 'on_hold' AND sla_pauses_on_hold)
      AND (expected_at <= :now
           OR requested_at + (expected_at - requested_at) * :fraction <= :now
           OR (:within > interval '0' AND expected_at - :within <= :now))
      AND NOT EXISTS (
          SELECT 1 FROM escalations e WHERE e.request_id = r.id AND e.threshold = 'overdue')
    ORDER BY expected_at, id
    LIMIT :batch
    """
)
RECORD = text(
    "INSERT INTO escalations (request_id, threshold, at) VALUES (:id, :threshold, :at)"
    " ON CONFLICT DO NOTHING RETURNING request_id"
)
NEXT_SEQUENCE = text(
    """
    UPDATE service_requests SET event_sequence = event_sequence + 1
    WHERE id = :id AND status <> 'closed'
    RETURNING id, status, department_code, service_code, expected_at, event_sequence
    """
)


class EscalationScan:
    def __init__(self, engine: AsyncEngine, clock: Clock, policy: EscalationPolicy) -> None:
        self._engine = engine
        self._clock = clock
        self._policy = policy

    async def run(self) -> int:
        """Returns how many events it published."""
        now = self._clock.now()
        params = {
            "now": now,
            "fraction": self._policy.due_soon_fraction,
            "within": self._policy.due_soon_within,
            "batch": BATCH,
        }
        async with self._engine.connect() as db:
            rows = (await db.execute(CANDIDATES, params)).all()
        published = 0
        for row in rows:
            threshold = self._policy.reached(row.requested_at, row.expected_at, now)
            if threshold is not None:
                published += await self._announce(row.id, threshold, now)
        return published

    async def _announce(self, request_id: str, threshold: Threshold, now: datetime) -> int:
        async with self._engine.begin() as db:
            if threshold is Threshold.OVERDUE:  # a late scan skips straight to overdue
                await self._record(db, request_id, Threshold.DUE_SOON, now)
            if not await self._record(db, request_id, threshold, now):
                return 0
            row = (await db.execute(NEXT_SEQUENCE, {"id": request_id})).first()
            if row is None:
                return 0
            facts = OpenRequestFacts(
                row.id,
                row.status,
                row.department_code,
                row.service_code,
                row.expected_at,
                row.event_sequence,
            )
            await PgQueuerOutbox(db).publish(overdue_event(facts, threshold, now))
        return 1

    @staticmethod
    async def _record(
        db: AsyncConnection, request_id: str, threshold: Threshold, now: datetime
    ) -> bool:
        params = {"id": request_id, "threshold": threshold.value, "at": now}
        return (await db.execute(RECORD, params)).first() is not None

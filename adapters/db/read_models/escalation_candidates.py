"""The escalation scan's candidates, set-based: `EscalationPolicy.due` in SQL (through
request_standing), less the requests already announced at the threshold they stand at. The
scan hands each to the `announce_overdue` use case, which decides on the loaded request by
the Python rule."""

from datetime import datetime

from sqlalchemy import ColumnElement, and_, exists, not_, or_, select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.read_models.request_standing import standing_is
from adapters.db.tables.outbox import escalations
from adapters.db.tables.requests import service_requests as t
from domain.requests.escalation import EscalationPolicy, Threshold
from domain.requests.model import Status
from domain.requests.queries import StandingFilter

BATCH = 500


class SqlEscalationCandidates:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def due(self, policy: EscalationPolicy, now: datetime, limit: int = BATCH) -> list[str]:
        """Open, SLA clock running, due soon or overdue, not yet announced at the threshold
        it stands at (nor overdue); the earliest expected first."""
        paused = and_(t.c.status == Status.ON_HOLD.value, t.c.sla_pauses_on_hold)
        overdue = StandingFilter(frozenset({Threshold.OVERDUE}), now, policy)
        due_soon = StandingFilter(frozenset({Threshold.DUE_SOON}), now, policy)
        # One announced at the threshold it stands at would be announced for nothing: left
        # in, it would be locked and loaded by every scan until it turned overdue.
        query = (
            select(t.c.id)
            .where(
                not_(paused),
                not_(_announced(Threshold.OVERDUE)),
                or_(
                    standing_is(overdue),
                    and_(standing_is(due_soon), not_(_announced(Threshold.DUE_SOON))),
                ),
            )
            .order_by(t.c.expected_at, t.c.id)
            .limit(limit)
        )
        async with self._engine.connect() as db:
            return list((await db.scalars(query)).all())


def _announced(threshold: Threshold) -> ColumnElement[bool]:
    return exists().where(
        escalations.c.request_id == t.c.id, escalations.c.threshold == threshold.value
    )

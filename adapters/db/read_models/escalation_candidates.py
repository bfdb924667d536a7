"""The escalation scan's candidates, set-based: `EscalationPolicy.due` in SQL (through
request_standing), less the requests already announced overdue. The scan hands each to the
`announce_overdue` use case, which decides on the loaded request by the Python rule."""

from datetime import datetime

from sqlalchemy import and_, exists, not_, select
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
        """Open, SLA clock running, due soon or overdue, not yet announced overdue; the
        earliest expected first."""
        paused = and_(t.c.status == Status.ON_HOLD.value, t.c.sla_pauses_on_hold)
        announced = exists().where(
            escalations.c.request_id == t.c.id,
            escalations.c.threshold == Threshold.OVERDUE.value,
        )
        late = StandingFilter(frozenset(Threshold), now, policy)
        query = (
            select(t.c.id)
            .where(standing_is(late), not_(paused), not_(announced))
            .order_by(t.c.expected_at, t.c.id)
            .limit(limit)
        )
        async with self._engine.connect() as db:
            return list((await db.scalars(query)).all())

"""The escalation scan (a pgqueuer schedule): publish request.overdue once per threshold.

The scan only finds candidates (set-based SQL); `announce_overdue` loads each through the unit
of work, decides by the Python rule, and records, sequences and publishes in one commit.
"""

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.read_models.escalation_candidates import SqlEscalationCandidates
from adapters.db.unit_of_work import SqlUnitOfWorkFactory
from domain.requests.escalation import EscalationPolicy
from domain.requests.overdue import announce_overdue
from domain.shared.clock import Clock
from domain.shared.context import Context


class EscalationScan:
    def __init__(self, engine: AsyncEngine, clock: Clock, policy: EscalationPolicy) -> None:
        self._candidates = SqlEscalationCandidates(engine)
        self._context = Context(SqlUnitOfWorkFactory(engine), clock)
        self._policy = policy

    async def run(self) -> int:
        """Returns how many events it published."""
        due = await self._candidates.due(self._policy, self._context.clock.now())
        published = 0
        for request_id in due:
            published += await announce_overdue(self._context, request_id, policy=self._policy)
        return published

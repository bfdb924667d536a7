"""The escalation scan (a pgqueuer schedule): publish request.overdue once per threshold.

The candidates are found set-based; `announce_overdue` loads each through the unit of work,
decides by the Python rule, and records, sequences and publishes in one commit.
"""

from domain.requests.escalation import EscalationPolicy
from domain.requests.overdue import EscalationCandidates, announce_all_due
from domain.requests.ports import EscalationUnitOfWork
from domain.shared.context import Context


class EscalationScan:
    def __init__(
        self,
        context: Context[EscalationUnitOfWork],
        candidates: EscalationCandidates,
        policy: EscalationPolicy,
    ) -> None:
        self._context = context
        self._candidates = candidates
        self._policy = policy

    async def run(self) -> int:
        """Returns how many events it published."""
        return await announce_all_due(
            self._context, candidates=self._candidates, policy=self._policy
        )

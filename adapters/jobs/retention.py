"""The retention sweep (a pgqueuer schedule): prune the bookkeeping tables, batch by batch.

Safe to run twice, or on two workers at once: a batch deletes only rows that are past their
time, and rows another sweep holds are skipped or found already gone.
"""

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.retention import SqlRetentionStore
from domain.retention.model import RetentionPolicy
from domain.retention.ports import RetentionStore
from domain.retention.use_cases import sweep
from domain.shared.clock import Clock


class RetentionSweep:
    def __init__(
        self,
        engine: AsyncEngine,
        clock: Clock,
        policy: RetentionPolicy,
        store: RetentionStore | None = None,
    ) -> None:
        self._store = store or SqlRetentionStore(engine)
        self._clock = clock
        self._policy = policy

    async def run(self) -> dict[str, int]:
        """Returns the rows deleted per table."""
        return await sweep(self._store, self._policy, self._clock.now())

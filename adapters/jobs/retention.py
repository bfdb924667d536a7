"""The retention sweep (a pgqueuer schedule): prune the bookkeeping tables, batch by batch.

Safe to run twice, or on two workers at once: a batch deletes only rows that are past their
time, and rows another sweep holds are skipped or found already gone.
"""

from domain.retention.model import RetentionPolicy
from domain.retention.ports import RetentionStore
from domain.retention.use_cases import sweep
from domain.shared.clock import Clock


class RetentionSweep:
    def __init__(self, store: RetentionStore, clock: Clock, policy: RetentionPolicy) -> None:
        self._store = store
        self._clock = clock
        self._policy = policy

    async def run(self) -> dict[str, int]:
        """Returns the rows deleted per table."""
        return await sweep(self._store, self._policy, self._clock.now())

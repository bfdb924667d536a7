"""The anonymization job (a pgqueuer schedule): residents' contact data on requests and
contacts older than the policy allows, batch by batch.

Safe to run twice, or on two workers at once: a batch takes only rows not yet anonymized,
and skips the rows another run holds.
"""

from domain.privacy.anonymization import AnonymizationPolicy
from domain.privacy.ports import AnonymizationStore
from domain.privacy.use_cases import anonymize
from domain.shared.clock import Clock


class AnonymizationRun:
    def __init__(
        self, store: AnonymizationStore, clock: Clock, policy: AnonymizationPolicy
    ) -> None:
        self._store = store
        self._clock = clock
        self._policy = policy

    async def run(self) -> dict[str, int]:
        """Returns the rows changed per table."""
        return await anonymize(self._store, self._policy, self._clock.now())

"""The anonymization job: requests, then contacts, then the residents they leave unreferenced,
batch after batch, until a batch comes back short."""

from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime

from domain.privacy.anonymization import AnonymizationPolicy
from domain.privacy.ports import AnonymizationStore

# A bound on one run's work per kind (with the default batch, 2 million rows): the next run
# goes on where this one stopped.
MAX_BATCHES = 10_000

Batch = Callable[[datetime, datetime, int], Awaitable[Mapping[str, int]]]


async def anonymize(
    store: AnonymizationStore, policy: AnonymizationPolicy, now: datetime
) -> dict[str, int]:
    """Anonymize what is older than the policy allows; returns the rows changed per table."""
    before = policy.cutoff(now)
    changed: dict[str, int] = {}
    # Residents last: the first two unlink them from what they leave behind.
    batches: tuple[tuple[str, Batch], ...] = (
        ("service_requests", store.anonymize_requests),
        ("cases", store.anonymize_cases),
        ("residents", store.anonymize_residents),
    )
    for table, batch in batches:
        changed.setdefault(table, 0)
        for _ in range(MAX_BATCHES):
            counts = await batch(before, now, policy.batch_size)
            for name, count in counts.items():
                changed[name] = changed.get(name, 0) + count
            if counts.get(table, 0) < policy.batch_size:
                break
    return changed

"""The retention sweep: every target, batch after batch, until a batch comes back short."""

from datetime import datetime

from domain.retention.model import RetentionPolicy
from domain.retention.ports import RetentionStore

# A bound on one sweep's work per target (with the default batch, 10 million rows): the next
# sweep goes on where this one stopped.
MAX_BATCHES = 10_000


async def sweep(store: RetentionStore, policy: RetentionPolicy, now: datetime) -> dict[str, int]:
    """Prune every target; returns the rows deleted per table (zeros included)."""
    deleted: dict[str, int] = {}
    for target, before in policy.cutoffs(now).items():
        deleted.setdefault(target.value, 0)
        for _ in range(MAX_BATCHES):
            counts = await store.prune_batch(target, before, policy.batch_size)
            for table, count in counts.items():
                deleted[table] = deleted.get(table, 0) + count
            if counts.get(target.value, 0) < policy.batch_size:
                break
    return deleted

from collections.abc import Mapping
from datetime import datetime
from typing import Protocol

from domain.retention.model import Target


class RetentionStore(Protocol):
    async def prune_batch(self, target: Target, before: datetime, limit: int) -> Mapping[str, int]:
        """Delete at most `limit` rows of `target` last used before `before`, in one short
        transaction, keeping the rows the policy protects whatever their age.

        Returns the rows deleted per table: `target.value` always, and the rows that went
        with them under their own table's name (a delivery's attempts).
        """
        ...

"""Which services residents use most: the public site lists them first."""

from collections.abc import Mapping
from datetime import datetime
from typing import Protocol


class ServiceUsage(Protocol):
    async def request_counts(self, since: datetime) -> dict[str, int]:
        """Requests per service code made at or after `since`; unused services left out."""
        ...


def popular_ranks(counts: Mapping[str, int]) -> dict[str, int]:
    """1 for the most used service, 2 for the next; ties go by code so the order is stable.
    Services without requests get no rank."""
    used = sorted((code for code, n in counts.items() if n > 0), key=lambda c: (-counts[c], c))
    return {code: rank for rank, code in enumerate(used, start=1)}

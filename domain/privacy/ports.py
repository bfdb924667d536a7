from collections.abc import Mapping
from datetime import datetime
from typing import Protocol


class AnonymizationStore(Protocol):
    """Each call is one bounded batch in its own short transaction; it returns the rows changed
    per table (the first key named in each docstring is the batch's own count)."""

    async def anonymize_requests(
        self, closed_before: datetime, now: datetime, limit: int
    ) -> Mapping[str, int]:
        """`service_requests` closed before `closed_before` not yet anonymized, with their
        timeline, messages, followers, survey comment and Open311 device ids."""
        ...

    async def anonymize_cases(
        self, changed_before: datetime, now: datetime, limit: int
    ) -> Mapping[str, int]:
        """`cases` last changed before `changed_before`, with their messages."""
        ...

    async def anonymize_residents(
        self, changed_before: datetime, now: datetime, limit: int
    ) -> Mapping[str, int]:
        """`residents` nothing refers to any more, last changed before `changed_before`."""
        ...

"""Importing call records: what came in, what was new, what was already there, what was bad."""

from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from domain.metrics.calls import BadRow, CallRecord, read_calls

BATCH = 5000

Store = Callable[[Sequence[CallRecord]], Awaitable[int]]  # returns how many were new


@dataclass
class CallImport:
    received: int = 0
    inserted: int = 0
    unchanged: int = 0
    rejected: int = 0
    errors: list[BadRow] = field(default_factory=list)

    def stored(self, batch: int, new: int) -> None:
        self.inserted += new
        self.unchanged += batch - new


class CallRecordImport(Protocol):
    async def import_lines(self, lines: Iterable[str]) -> CallImport:
        """The whole file in one transaction: an error stores none of it."""
        ...


async def import_calls(lines: Iterable[str], store: Store, max_errors: int = 1000) -> CallImport:
    """Good rows are stored in batches (a call id already stored is left as it was); bad rows
    are reported with their line numbers, up to `max_errors` of them, and counted."""
    result = CallImport()
    batch: list[CallRecord] = []
    for item in read_calls(lines):
        result.received += 1
        if isinstance(item, BadRow):
            result.rejected += 1
            if len(result.errors) < max_errors:
                result.errors.append(item)
            continue
        batch.append(item)
        if len(batch) >= BATCH:
            result.stored(len(batch), await store(batch))
            batch = []
    if batch:
        result.stored(len(batch), await store(batch))
    return result

"""Loading the address table from CSV: what an import reports, and the port that runs one."""

from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class RejectedRow:
    line: int
    reason: str


@dataclass(frozen=True)
class ImportResult:
    imported: int  # rows accepted; repeats of one address and zip update a single point
    skipped: int
    rejected: list[RejectedRow] = field(default_factory=list)  # the first MAX_REPORTED


class AddressCsvImport(Protocol):
    async def __call__(self, text: str, replace: bool, /) -> ImportResult:
        """Add the CSV's rows (or, with replace, put them in place of the whole table)."""
        ...

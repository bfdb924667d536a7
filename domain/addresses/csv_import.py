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


class GeocoderIndex(Protocol):
    async def refresh(self, force: bool = False, /) -> object:
        """Rebuild the search index if the address table changed since it was built."""
        ...


async def import_address_csv(
    load: AddressCsvImport, index: GeocoderIndex, text: str, replace: bool
) -> ImportResult:
    """Load the CSV, then rebuild this process's index at once, so the new addresses are
    found on the next search here (other processes notice the change on their next check)."""
    result = await load(text, replace)
    await index.refresh()
    return result

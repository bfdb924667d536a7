"""The change feed: requests in the order their changes became visible, a page at a time."""

from dataclasses import dataclass
from typing import Protocol

from domain.requests.model import ServiceRequest


@dataclass(frozen=True)
class ChangePage:
    items: list[ServiceRequest]
    next_cursor: str  # where the next page starts; the same cursor when nothing is new


class ChangeFeedReads(Protocol):
    async def page(self, cursor: str, limit: int, visible_department: str | None) -> ChangePage:
        """Changes after the cursor, never skipping one (a long transaction holds it back)."""
        ...

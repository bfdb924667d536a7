"""What the request lists read: the filter, a page, and the port that answers them."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from domain.requests.escalation import EscalationPolicy, Threshold
from domain.requests.model import ServiceRequest, TimelineEntry


@dataclass(frozen=True)
class StandingFilter:
    """The requests whose standing at `now` is one of `late` (due soon, overdue, or both)."""

    late: frozenset[Threshold]
    now: datetime
    policy: EscalationPolicy


@dataclass(frozen=True)
class RequestFilter:
    statuses: list[str] = field(default_factory=list)
    service_codes: list[str] = field(default_factory=list)
    department: str | None = None
    assignee_id: Any = None
    created_from: datetime | None = None
    created_to: datetime | None = None
    updated_after: datetime | None = None
    standing: StandingFilter | None = None  # due soon, overdue, or either
    q: str | None = None
    area: tuple[str, str] | None = None  # (layer, code): the request lies in that area
    external_id: str | None = None  # exact: a partner's work-order number, or an import's id
    limit: int = 50
    cursor: str | None = None
    visible_department: str | None = None


@dataclass(frozen=True)
class RequestPage:
    items: list[ServiceRequest]
    next_cursor: str | None


@dataclass(frozen=True)
class RequestStamp:
    """What a conditional GET needs of a request: its version (the ETag), its department (who
    may see it), and whether time alone may move its standing (see standing_is_frozen)."""

    version: int
    department_code: str
    standing_frozen: bool


class RequestReads(Protocol):
    async def page(self, f: RequestFilter) -> RequestPage:
        """Newest first, one query; `next_cursor` is None on the last page."""
        ...

    async def get(self, request_id: str) -> ServiceRequest | None: ...

    async def stamp(self, request_id: str) -> RequestStamp | None:
        """One small query: a few columns, no aggregate."""
        ...

    async def timeline(
        self, request_id: str, include_internal: bool = True
    ) -> list[TimelineEntry]: ...

"""What the Open311 read model is asked and answers: requests, notes and updates as the
public may see them."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol
from uuid import UUID

from domain.privacy.public_place import Place, PublicLocation
from domain.requests.model import ServiceRequest


@dataclass(frozen=True)
class Open311Query:
    ids: list[str] = field(default_factory=list)
    service_codes: list[str] = field(default_factory=list)
    requested_from: datetime | None = None
    requested_to: datetime | None = None
    closed: bool | None = None  # None: both open and closed
    updated_after: datetime | None = None
    updated_before: datetime | None = None
    bbox: tuple[float, float, float, float] | None = None  # min_long, min_lat, max_long, max_lat
    q: str | None = None
    agency: str | None = None
    limit: int = 1000
    offset: int = 0

    @property
    def filters_publicly(self) -> bool:
        """Rows must be checked against their public view before they count."""
        return not self.ids and (self.bbox is not None or bool(self.q))


@dataclass(frozen=True)
class PublicNote:
    """One public timeline entry. `status` and `close_reason` are set on status changes;
    `note` is the public note given with it (a comment's text is its `description`)."""

    at: datetime
    type: str  # as Chicago's notes: opened, status, closed, comment, merged
    description: str
    status: str | None = None
    close_reason: str | None = None
    note: str | None = None


@dataclass
class Open311Request:
    """A request as the public may see it: `description`, `status_notes`, `notes` and `place`
    went through the service's disclosure rules; `request` is for ids, dates and status."""

    request: ServiceRequest
    service_name: str
    agency: str
    media_url: str | None  # the URL the client sent, when we keep no photo of the request
    description: str | None
    status_notes: str | None
    place: Place
    precision: PublicLocation
    notes: list[PublicNote] = field(default_factory=list)
    photo_id: UUID | None = None  # the request's first public photo


@dataclass(frozen=True)
class RequestUpdate:
    update_id: int
    request_id: str
    at: datetime
    status: str  # the request's status after this update
    description: str  # public, masked as the service says


class Open311Reads(Protocol):
    async def requests(
        self, f: Open311Query, with_notes: bool = False, language: str | None = None
    ) -> list[Open311Request]: ...

    async def updates(
        self,
        after: datetime | None,
        before: datetime | None,
        request_ids: list[str],
        limit: int,
    ) -> list[RequestUpdate]: ...

    async def request_of_token(self, token: str) -> str | None: ...

    async def address_point(self, point_id: int) -> tuple[float, float, str] | None:
        """The point's (lat, long, address)."""
        ...

"""What the open-data feed is asked and answers: a page of requests as anyone may see them."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from domain.privacy.public_place import Place, PublicLocation


@dataclass(frozen=True)
class OpenDataQuery:
    """`updated_after` and `after_id` are where the last page ended: (updated_at, id) of its
    last row. `requested_from`/`requested_to` bound the request time, half-open."""

    updated_after: datetime | None = None
    after_id: str | None = None
    requested_from: datetime | None = None
    requested_to: datetime | None = None
    service_codes: list[str] = field(default_factory=list)
    closed: bool | None = None
    limit: int = 1000


@dataclass(frozen=True)
class OpenDataRequest:
    id: str
    status: str
    closed: bool
    status_notes: str | None
    service_code: str
    service_name: str
    agency: str
    description: str | None
    requested_at: datetime
    updated_at: datetime
    expected_at: datetime | None
    closed_at: datetime | None
    channel: str
    place: Place
    precision: PublicLocation


@dataclass(frozen=True)
class OpenDataPage:
    items: list[OpenDataRequest]


class OpenDataReads(Protocol):
    async def page(self, q: OpenDataQuery) -> OpenDataPage: ...

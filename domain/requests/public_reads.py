"""What the residents' portal reads of requests: recent ones for the map, one by its number, and
open ones near a point. Every answer is a public view: no reporter fields, text masked, places
as the service's `public_location` says (domain.privacy)."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from domain.privacy.public_place import Place, PublicLocation

RECENT = timedelta(days=90)  # the portal lists and offers requests no older than this


@dataclass(frozen=True)
class PublicNote:
    """A public timeline entry: a status change (`status` is the new one) or a public comment
    (no status); `text` is its note or body, masked."""

    at: datetime
    status: str | None
    text: str | None


@dataclass(frozen=True)
class PublicRequest:
    number: str
    service_code: str
    service_name: str
    status: str
    requested_at: datetime
    updated_at: datetime
    expected_at: datetime | None
    place: Place
    description: str | None  # masked; None unless the service lets descriptions go public
    notes: list[PublicNote] = field(default_factory=list)


@dataclass(frozen=True)
class RecentQuery:
    since: datetime
    language: str
    service_codes: tuple[str, ...] = ()
    closed: bool | None = None  # None: open and closed
    limit: int = 500


def offered_nearby(level: PublicLocation) -> bool:
    """Whether a service's open requests are offered to residents reporting nearby. Distances
    are measured from the place the public sees, so probing point after point never tells more
    than that place. Not for services shown by area: their requests are about someone's home,
    never one thing a neighbour sees too, and the area's point says nothing of the spot."""
    return level is not PublicLocation.AREA


@dataclass(frozen=True)
class AroundQuery:
    """Open requests of one service whose public place lies within `radius_m` of a point,
    reported after `since`."""

    service_code: str
    lat: float
    long: float
    radius_m: float
    since: datetime
    language: str
    limit: int = 10


class PublicRequestReads(Protocol):
    async def recent(self, q: RecentQuery) -> list[PublicRequest]:
        """Newest first."""
        ...

    async def one(self, number: str, language: str) -> PublicRequest | None:
        """With its public notes, oldest first."""
        ...

    async def around(self, q: AroundQuery) -> list[PublicRequest]:
        """Nearest first."""
        ...

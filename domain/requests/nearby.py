"""The duplicate read model as the API sees it: open requests near a probe, by a policy,
and a request's links."""

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from domain.requests.duplicates import DuplicatePolicy, Match, Probe
from domain.requests.model import ServiceRequest


@dataclass(frozen=True)
class NearbyQuery:
    probe: Probe
    policy: DuplicatePolicy
    now: datetime  # when the probe was reported; the window counts both ways from it
    limit: int = 10
    exclude: str | None = None  # a request, and the requests merged into it
    visible_department: str | None = None


@dataclass(frozen=True)
class LinkedRequests:
    """A request's links: the request it was merged into, and those merged into it (whose
    reporters follow it), oldest first."""

    duplicate_of: ServiceRequest | None
    duplicates: list[ServiceRequest]


class DuplicateReads(Protocol):
    async def nearby(self, q: NearbyQuery) -> list[Match[ServiceRequest]]: ...
    async def followers(self, parent_id: str) -> list[ServiceRequest]: ...
    async def linked(self, request_id: str, parent_id: str | None) -> LinkedRequests: ...

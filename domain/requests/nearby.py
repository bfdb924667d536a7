"""The duplicate read model as the API sees it: open requests near a probe, by a policy,
and a request's links."""

from dataclasses import dataclass, replace
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


def candidates_query(
    request: ServiceRequest, radius_m: float | None, visible_department: str | None
) -> NearbyQuery | None:
    """What a request may repeat: open requests around its point scored above the default
    threshold (by its service's radius), itself and its merged requests aside; None for a
    request without a point."""
    lat, long = request.location.lat, request.location.long
    if lat is None or long is None:
        return None
    return NearbyQuery(
        probe=Probe(lat, long, request.service_code, request.description),
        policy=DuplicatePolicy.for_service(radius_m),
        now=request.requested_at,
        exclude=request.id,
        visible_department=visible_department,
    )


def around_query(
    probe: Probe, radius_m: float | None, now: datetime, limit: int, visible_department: str | None
) -> NearbyQuery:
    """Every open request within the radius of a point, whatever its score."""
    return NearbyQuery(
        probe=probe,
        policy=replace(DuplicatePolicy.for_service(radius_m), threshold=0.0),
        now=now,
        limit=limit,
        visible_department=visible_department,
    )


class DuplicateCandidates(Protocol):
    """Open requests near a probe, read in the caller's transaction or on their own."""

    async def nearby(self, q: NearbyQuery) -> list[Match[ServiceRequest]]: ...


class DuplicateReads(DuplicateCandidates, Protocol):
    async def followers(self, parent_id: str) -> list[ServiceRequest]: ...
    async def linked(self, request_id: str, parent_id: str | None) -> LinkedRequests: ...

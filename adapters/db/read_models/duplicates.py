"""Possible duplicates near a point, and a parent's merged requests: one query per call.

SQL reads the open requests nearest the point from a GiST index (at most NEAREST_OPEN, however
crowded the spot), and keeps those of the service (or its group) within the time window and a
bounding box in degrees; the domain then measures the exact distance and scores what is left
(domain/requests/duplicates.py). Only the few kept become whole requests.
"""

import math
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Float,
    Row,
    Select,
    Subquery,
    and_,
    func,
    literal,
    literal_column,
    or_,
    select,
)
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.db.repositories.requests import request_from_row
from adapters.db.tables.directory import services
from adapters.db.tables.requests import local_point, service_requests
from domain.requests.duplicates import Match, Probe, bounding_box, rank
from domain.requests.model import Location, ServiceRequest, Status
from domain.requests.nearby import LinkedRequests, NearbyQuery

t = service_requests
OPEN = [s.value for s in Status if s is not Status.CLOSED]
NEAREST_OPEN = 200  # open requests read per call at most, the nearest first, of any service
NOT_CLOSED = t.c.status != literal_column("'closed'")  # ix_service_requests_open_points' own


def _local_point(lat: float, long: float) -> ColumnElement[Any]:
    """The probe in the index's plane (see local_point)."""
    x = long * math.cos(math.radians(lat))
    return func.point(literal(x, Float), literal(lat, Float))


def _nearest_open(probe: Probe) -> Subquery:
    """The open requests nearest the probe, of any service, straight from the GiST index: a
    walk that stops after NEAREST_OPEN rows however crowded the spot (or however sparse).
    Nothing else narrows it here: a condition the planner could answer from another index
    (a box, a window, a service) would tempt it to read and sort every row that matches."""
    distance = local_point(t.c.lat, t.c.long).op("<->", return_type=Float)(
        _local_point(probe.lat, probe.long)
    )
    return (
        select(t, distance.label("distance"))
        .where(NOT_CLOSED)
        .order_by(distance)
        .limit(NEAREST_OPEN)
        .subquery("nearest")
    )


def _same_service_or_group(n: Subquery, code: str) -> ColumnElement[bool]:
    """The probe's service, or any service sharing its (non-empty) group."""
    probe_service = services.alias("probe_service")
    group_mates = (
        select(services.c.code)
        .join(probe_service, probe_service.c.group_name == services.c.group_name)
        .where(probe_service.c.code == code, probe_service.c.group_name != "")
    )
    return or_(n.c.service_code == code, n.c.service_code.in_(group_mates.scalar_subquery()))


def _conditions(n: Subquery, q: NearbyQuery) -> list[ColumnElement[bool]]:
    box = bounding_box(q.probe.lat, q.probe.long, q.policy.radius_m)
    conditions = [
        _same_service_or_group(n, q.probe.service_code),
        n.c.status.in_(OPEN),
        n.c.requested_at.between(q.now - q.policy.window, q.now + q.policy.window),
        n.c.lat.between(box.min_lat, box.max_lat),
    ]
    if box.min_long is not None and box.max_long is not None:
        conditions.append(n.c.long.between(box.min_long, box.max_long))
    else:
        conditions.append(n.c.long.is_not(None))
    if q.exclude is not None:
        conditions.append(n.c.id != q.exclude)
        conditions.append(n.c.duplicate_of.is_distinct_from(literal(q.exclude)))
    if q.visible_department is not None:
        conditions.append(n.c.department_code == q.visible_department)
    return conditions


def nearby_query(q: NearbyQuery) -> Select[Any]:
    """The open requests around the probe that may match, nearest first, before the policy's
    ranking: those among the NEAREST_OPEN open requests that pass its conditions."""
    n = _nearest_open(q.probe)
    columns = [n.c[column.name] for column in t.c]
    return select(*columns).where(and_(*_conditions(n, q))).order_by(n.c.distance)


@dataclass(frozen=True, slots=True)
class _Candidate:
    """What ranking reads of a row; the row becomes a whole request only if it is kept."""

    id: str
    service_code: str
    description: str
    location: Location
    requested_at: datetime
    row: Row[Any]

    @classmethod
    def of(cls, row: Row[Any]) -> "_Candidate":
        location = Location(row.lat, row.long)
        return cls(row.id, row.service_code, row.description, location, row.requested_at, row)


async def _nearby(db: AsyncConnection, q: NearbyQuery) -> list[Match[ServiceRequest]]:
    """Open requests around the probe that pass the policy, best first, at most `limit`."""
    rows = (await db.execute(nearby_query(q))).all()
    kept = rank(q.probe, [_Candidate.of(row) for row in rows], q.policy, q.now)[: q.limit]
    return [Match(request_from_row(m.candidate.row), m.score, m.distance_m) for m in kept]


class SqlDuplicateCandidates:
    """The same search inside a unit of work: a new request's candidates, before its commit."""

    def __init__(self, connection: AsyncConnection) -> None:
        self._connection = connection

    async def nearby(self, q: NearbyQuery) -> list[Match[ServiceRequest]]:
        return await _nearby(self._connection, q)


class DuplicateReadModel:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def nearby(self, q: NearbyQuery) -> list[Match[ServiceRequest]]:
        async with self._engine.connect() as db:
            return await _nearby(db, q)

    async def followers(self, parent_id: str) -> list[ServiceRequest]:
        """The requests merged into `parent_id`, directly or through a merged request, oldest
        first: their reporters follow the parent."""
        query = select(t).where(t.c.id.in_(_merged_into(parent_id))).order_by(*OLDEST_FIRST)
        async with self._engine.connect() as db:
            rows = (await db.execute(query)).all()
        return [request_from_row(row) for row in rows]

    async def linked(self, request_id: str, parent_id: str | None) -> LinkedRequests:
        """The request's parent (`parent_id`, its `duplicate_of`) and its followers, together."""
        linked: ColumnElement[bool] = t.c.id.in_(_merged_into(request_id))
        if parent_id is not None:
            linked = or_(linked, t.c.id == parent_id)
        query = select(t).where(linked).order_by(*OLDEST_FIRST)
        async with self._engine.connect() as db:
            rows = [request_from_row(row) for row in (await db.execute(query)).all()]
        parent = next((r for r in rows if r.id == parent_id), None)
        return LinkedRequests(parent, [r for r in rows if r.id != parent_id])


OLDEST_FIRST = (t.c.requested_at, t.c.id)


def _merged_into(parent_id: str) -> Select[tuple[str]]:
    """The ids of the requests merged into `parent_id`, directly or through a merged request."""
    merged = select(t.c.id).where(t.c.duplicate_of == parent_id).cte(recursive=True)
    child = t.alias("child")
    merged = merged.union(select(child.c.id).where(child.c.duplicate_of == merged.c.id))
    return select(merged.c.id)

"""Possible duplicates near a point, and a parent's merged requests: one query per call.

SQL narrows by service (or group), open status, time and a bounding box in degrees; the domain
then measures the exact distance and scores what is left (domain/requests/duplicates.py).
"""

import math
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, literal, literal_column, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.db.repositories.requests import request_from_row
from adapters.db.tables.directory import services
from adapters.db.tables.requests import service_requests
from domain.requests.duplicates import Match, Probe, bounding_box, rank
from domain.requests.model import ServiceRequest, Status
from domain.requests.nearby import LinkedRequests, NearbyQuery

t = service_requests
OPEN = [s.value for s in Status if s is not Status.CLOSED]
MAX_ROWS = 200  # rows scored per call at most, the nearest first


def _same_service_or_group(code: str) -> ColumnElement[bool]:
    """The probe's service, or any service sharing its (non-empty) group."""
    probe_service = services.alias("probe_service")
    group_mates = (
        select(services.c.code)
        .join(probe_service, probe_service.c.group_name == services.c.group_name)
        .where(probe_service.c.code == code, probe_service.c.group_name != "")
    )
    return or_(t.c.service_code == code, t.c.service_code.in_(group_mates.scalar_subquery()))


NOT_CLOSED = t.c.status != literal_column("'closed'")


def _conditions(q: NearbyQuery) -> list[ColumnElement[bool]]:
    box = bounding_box(q.probe.lat, q.probe.long, q.policy.radius_m)
    conditions = [
        _same_service_or_group(q.probe.service_code),
        t.c.status.in_(OPEN),
        NOT_CLOSED,  # written out, so that a generic plan may use the partial (lat, long) index
        t.c.requested_at.between(q.now - q.policy.window, q.now + q.policy.window),
        t.c.lat.between(box.min_lat, box.max_lat),
    ]
    if box.min_long is not None and box.max_long is not None:
        conditions.append(t.c.long.between(box.min_long, box.max_long))
    else:
        conditions.append(t.c.long.is_not(None))
    if q.exclude is not None:
        conditions.append(t.c.id != q.exclude)
        conditions.append(t.c.duplicate_of.is_distinct_from(literal(q.exclude)))
    if q.visible_department is not None:
        conditions.append(t.c.department_code == q.visible_department)
    return conditions


def _planar_distance(probe: Probe) -> ColumnElement[float]:
    """Squared distance in degrees with longitude scaled by latitude: orders, not measures."""
    scale = math.cos(math.radians(probe.lat))
    return (t.c.lat - probe.lat) * (t.c.lat - probe.lat) + (t.c.long - probe.long) * (
        t.c.long - probe.long
    ) * (scale * scale)


def nearby_query(q: NearbyQuery) -> Select[Any]:
    """The open requests around the probe, nearest first, before the policy's ranking."""
    return (
        select(t)
        .where(and_(*_conditions(q)))
        .order_by(_planar_distance(q.probe), t.c.requested_at.desc(), t.c.id.desc())
        .limit(MAX_ROWS)
    )


async def _nearby(db: AsyncConnection, q: NearbyQuery) -> list[Match[ServiceRequest]]:
    """Open requests around the probe that pass the policy, best first, at most `limit`."""
    candidates = [request_from_row(row) for row in (await db.execute(nearby_query(q))).all()]
    return rank(q.probe, candidates, q.policy, q.now)[: q.limit]


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

"""Possible duplicates near a point, and a parent's merged requests: one query per call.

SQL reads the open requests nearest the point from a GiST index (at most NEAREST_OPEN, however
crowded the spot), and keeps those of the service (or its group) within the time window and a
bounding box in degrees; the domain then measures the exact distance and scores what is left
(domain/requests/duplicates.py). Only the few kept become whole requests.
"""

import functools
import json
import math
from dataclasses import dataclass
from datetime import datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    DateTime,
    Float,
    Row,
    Select,
    Subquery,
    Text,
    and_,
    bindparam,
    cast,
    func,
    literal_column,
    or_,
    select,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.db.repositories.requests import request_from_row
from adapters.db.tables.directory import services
from adapters.db.tables.requests import local_point, service_requests
from domain.requests.duplicates import Match, bounding_box, rank
from domain.requests.model import Location, ServiceRequest, Status
from domain.requests.nearby import LinkedRequests, NearbyQuery

t = service_requests
OPEN = [s.value for s in Status if s is not Status.CLOSED]
NEAREST_OPEN = 200  # open requests read per call at most, the nearest first, of any service
NOT_CLOSED = t.c.status != literal_column("'closed'")  # ix_service_requests_open_points' own


Values = dict[str, Any]


def _float(name: str, values: Values) -> BindParameter[float]:
    return bindparam(name, values.get(name), type_=Float)


def _nearest_open(values: Values) -> Subquery:
    """The open requests nearest the probe, of any service, straight from the GiST index: a
    walk that stops after NEAREST_OPEN rows however crowded the spot (or however sparse).
    Nothing else narrows it here: a condition the planner could answer from another index
    (a box, a window, a service) would tempt it to read and sort every row that matches."""
    probe = func.point(_float("probe_x", values), _float("probe_lat", values))  # see local_point
    distance = local_point(t.c.lat, t.c.long).op("<->", return_type=Float)(probe)
    return (
        select(t, distance.label("distance"))
        .where(NOT_CLOSED)
        .order_by(distance)
        .limit(NEAREST_OPEN)
        .subquery("nearest")
    )


def _same_service_or_group(n: Subquery, values: Values) -> ColumnElement[bool]:
    """The probe's service, or any service sharing its (non-empty) group."""
    code = bindparam("service_code", values.get("service_code"), type_=Text)
    probe_service = services.alias("probe_service")
    group_mates = (
        select(services.c.code)
        .join(probe_service, probe_service.c.group_name == services.c.group_name)
        .where(probe_service.c.code == code, probe_service.c.group_name != "")
    )
    return or_(n.c.service_code == code, n.c.service_code.in_(group_mates.scalar_subquery()))


@dataclass(frozen=True)
class _Shape:
    """What varies the statement's text; everything else is a parameter."""

    long_bounds: bool
    exclude: bool
    department: bool


def _conditions(n: Subquery, shape: _Shape, values: Values) -> list[ColumnElement[bool]]:
    since, until = (
        bindparam(name, values.get(name), type_=DateTime(timezone=True))
        for name in ("since", "until")
    )
    conditions = [
        _same_service_or_group(n, values),
        n.c.status.in_(OPEN),
        n.c.requested_at.between(since, until),
        n.c.lat.between(_float("min_lat", values), _float("max_lat", values)),
    ]
    if shape.long_bounds:
        conditions.append(n.c.long.between(_float("min_long", values), _float("max_long", values)))
    else:
        conditions.append(n.c.long.is_not(None))
    if shape.exclude:
        exclude = bindparam("exclude", values.get("exclude"), type_=Text)
        conditions.append(n.c.id != exclude)
        conditions.append(n.c.duplicate_of.is_distinct_from(exclude))
    if shape.department:
        conditions.append(
            n.c.department_code == bindparam("department", values.get("department"), type_=Text)
        )
    return conditions


# Read as text and parsed only for the few candidates kept: at a crowded spot most of the
# NEAREST_OPEN rows are ranked and dropped, and parsing their JSON cost more than ranking them.
JSON_COLUMNS = frozenset(c.name for c in t.c if isinstance(c.type, JSONB))
# Where ranking finds what it reads, by position (a row's attributes by name cost more).
_ID, _SERVICE, _DESCRIPTION, _LAT, _LONG, _REQUESTED = (
    [c.name for c in t.c].index(name)
    for name in ("id", "service_code", "description", "lat", "long", "requested_at")
)


def _build(shape: _Shape, values: Values) -> Select[Any]:
    n = _nearest_open(values)
    columns = [
        cast(n.c[c.name], Text).label(c.name) if c.name in JSON_COLUMNS else n.c[c.name]
        for c in t.c
    ]
    return select(*columns).where(and_(*_conditions(n, shape, values))).order_by(n.c.distance)


@functools.cache
def _statement(shape: _Shape) -> Select[Any]:
    """Built once per shape, its values given at execution: building it per call cost more
    than running it."""
    return _build(shape, {})


def _shape_and_values(q: NearbyQuery) -> tuple[_Shape, Values]:
    probe, policy = q.probe, q.policy
    box = bounding_box(probe.lat, probe.long, policy.radius_m)
    values: Values = {
        "probe_x": probe.long * math.cos(math.radians(probe.lat)),
        "probe_lat": probe.lat,
        "service_code": probe.service_code,
        "since": q.now - policy.window,
        "until": q.now + policy.window,
        "min_lat": box.min_lat,
        "max_lat": box.max_lat,
        "min_long": box.min_long,
        "max_long": box.max_long,
        "exclude": q.exclude,
        "department": q.visible_department,
    }
    shape = _Shape(
        box.min_long is not None, q.exclude is not None, q.visible_department is not None
    )
    return shape, values


def nearby_query(q: NearbyQuery) -> Select[Any]:
    """The open requests around the probe that may match, nearest first, before the policy's
    ranking: those among the NEAREST_OPEN open requests that pass its conditions."""
    return _build(*_shape_and_values(q))


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
        location = Location(row[_LAT], row[_LONG])
        return cls(row[_ID], row[_SERVICE], row[_DESCRIPTION], location, row[_REQUESTED], row)

    def request(self) -> ServiceRequest:
        values = self.row._asdict()
        for name in JSON_COLUMNS:
            values[name] = json.loads(values[name])
        return request_from_row(SimpleNamespace(**values))


async def _nearby(db: AsyncConnection, q: NearbyQuery) -> list[Match[ServiceRequest]]:
    """Open requests around the probe that pass the policy, best first, at most `limit`."""
    shape, values = _shape_and_values(q)
    rows = (await db.execute(_statement(shape), values)).all()
    kept = rank(q.probe, [_Candidate.of(row) for row in rows], q.policy, q.now, q.limit)
    return [Match(m.candidate.request(), m.score, m.distance_m) for m in kept]


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

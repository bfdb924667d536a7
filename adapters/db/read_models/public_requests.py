"""Requests as the residents' portal shows them: one query per answer, plus one for the notes of
a single request and one for the areas of services shown by area.

The reporter's names are read only to mask them in public text; nothing of theirs comes back.
Public text is always masked (in the visitor's language), whatever the service's
`mask_personal_data` says, as on the open-data feed; descriptions only from services that let
them go public (`open_data_descriptions`); places as each service's `public_location` says.
"""

import math
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.db.read_models.area_points import area_points
from adapters.db.read_models.translated import Translated
from adapters.db.tables.directory import services
from adapters.db.tables.requests import request_timeline, service_requests
from domain.directory.translations import Subject
from domain.privacy.disclosure import Disclosure
from domain.privacy.public_place import BLOCK_GRID_DEGREES, AreaPoint, Place, PublicLocation
from domain.requests.duplicates import bounding_box, haversine_m
from domain.requests.model import Status
from domain.requests.public_reads import (
    AroundQuery,
    PublicNote,
    PublicRequest,
    RecentQuery,
)

t = service_requests
e = request_timeline
s = services
OPEN = [status.value for status in Status if status is not Status.CLOSED]
NOTE_KINDS = ("created", "status", "comment")
MAX_AROUND = 200  # rows measured per nearby search at most, the nearest first


def _select(language: str) -> Select[Any]:
    name = Translated(Subject.SERVICE, t.c.service_code, language)
    columns = (
        t.c.id, t.c.status, t.c.service_code, t.c.description,
        t.c.lat, t.c.long, t.c.address, t.c.address_hint, t.c.zipcode, t.c.areas,
        t.c.requested_at, t.c.updated_at, t.c.expected_at,
        t.c.reporter_first_name, t.c.reporter_last_name,  # to mask their names, never shown
        name.field("name", s.c.name).label("service_name"),
        s.c.public_location, s.c.open_data_descriptions,
    )  # fmt: skip
    joined = t.join(s, s.c.code == t.c.service_code)
    return select(*columns).select_from(name.join(joined))


def _disclosure(row: Row[Any]) -> Disclosure:
    return Disclosure(mask_personal_data=True, public_location=PublicLocation(row.public_location))


def _names(row: Row[Any]) -> tuple[str | None, str | None]:
    return (row.reporter_first_name, row.reporter_last_name)


def _public(
    row: Row[Any], points: dict[int, AreaPoint], language: str, notes: list[PublicNote]
) -> PublicRequest:
    disclosure = _disclosure(row)
    exact = Place(row.lat, row.long, row.address or row.address_hint, row.zipcode)
    areas = [points[a["id"]] for a in row.areas if a["id"] in points]
    shown = disclosure.text(row.description, _names(row), language)
    return PublicRequest(
        number=row.id,
        service_code=row.service_code,
        service_name=row.service_name,
        status=row.status,
        requested_at=row.requested_at,
        updated_at=row.updated_at,
        expected_at=row.expected_at,
        place=disclosure.place(exact, areas),
        description=(shown or None) if row.open_data_descriptions else None,
        notes=notes,
    )


async def _points(db: AsyncConnection, rows: Sequence[Row[Any]]) -> dict[int, AreaPoint]:
    ids = {
        area["id"]
        for row in rows
        if row.public_location == PublicLocation.AREA.value
        for area in row.areas
    }
    return await area_points(db, ids)


def _recent_conditions(q: RecentQuery) -> list[ColumnElement[bool]]:
    conditions = [t.c.requested_at >= q.since]
    if q.service_codes:
        conditions.append(t.c.service_code.in_(q.service_codes))
    if q.closed is not None:
        conditions.append((t.c.status == "closed") if q.closed else t.c.status.in_(OPEN))
    return conditions


def _around_conditions(q: AroundQuery) -> list[ColumnElement[bool]]:
    """The box around the point, one block cell wider on each side: a request whose public
    place (its cell's middle) is in range is always inside, so the box tells nothing more."""
    box = bounding_box(q.lat, q.long, q.radius_m)
    margin = BLOCK_GRID_DEGREES
    conditions = [
        t.c.service_code == q.service_code,
        t.c.status.in_(OPEN),
        t.c.requested_at >= q.since,
        t.c.lat.between(box.min_lat - margin, box.max_lat + margin),
        t.c.long.is_not(None),
    ]
    if box.min_long is not None and box.max_long is not None:
        conditions.append(t.c.long.between(box.min_long - margin, box.max_long + margin))
    return conditions


def _distance(q: AroundQuery, shown: PublicRequest) -> float | None:
    """From the point to the place the public sees, never to the exact one."""
    lat, long = shown.place.lat, shown.place.long
    return None if lat is None or long is None else haversine_m(q.lat, q.long, lat, long)


def _planar_distance(lat: float, long: float) -> ColumnElement[float]:
    """Squared distance in degrees, longitude scaled by latitude: orders, does not measure."""
    scale = math.cos(math.radians(lat)) ** 2
    return (t.c.lat - lat) * (t.c.lat - lat) + (t.c.long - long) * (t.c.long - long) * scale


def _note(kind: str, data: dict[str, Any]) -> tuple[str | None, str | None]:
    """(status, raw text) of a public timeline entry."""
    if kind == "created":
        return Status.NEW.value, None
    if kind == "status":
        return str(data.get("to")), data.get("note") or None
    return None, data.get("body") or None


class PublicRequestReadModel:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def recent(self, q: RecentQuery) -> list[PublicRequest]:
        query = (
            _select(q.language)
            .where(*_recent_conditions(q))
            .order_by(t.c.requested_at.desc(), t.c.id.desc())
            .limit(q.limit)
        )
        async with self._engine.connect() as db:
            rows = (await db.execute(query)).all()
            points = await _points(db, rows)
        return [_public(row, points, q.language, []) for row in rows]

    async def one(self, number: str, language: str) -> PublicRequest | None:
        async with self._engine.connect() as db:
            row = (await db.execute(_select(language).where(t.c.id == number))).first()
            if row is None:
                return None
            points = await _points(db, [row])
            notes = await self._notes(db, row, language)
        return _public(row, points, language, notes)

    async def _notes(self, db: AsyncConnection, row: Row[Any], language: str) -> list[PublicNote]:
        query = (
            select(e.c.at, e.c.kind, e.c.data)
            .where(e.c.request_id == row.id, e.c.visibility == "public")
            .where(e.c.kind.in_(NOTE_KINDS))
            .order_by(e.c.id)
        )
        disclosure = _disclosure(row)
        notes = []
        for entry in (await db.execute(query)).all():
            status, text = _note(entry.kind, entry.data)
            shown = disclosure.text(str(text), _names(row), language) if text else None
            notes.append(PublicNote(entry.at, status, shown))
        return notes

    async def around(self, q: AroundQuery) -> list[PublicRequest]:
        query = (
            _select(q.language)
            .where(*_around_conditions(q))
            .order_by(_planar_distance(q.lat, q.long), t.c.id)
            .limit(MAX_AROUND)
        )
        async with self._engine.connect() as db:
            rows = (await db.execute(query)).all()
            points = await _points(db, rows)
        shown = [_public(row, points, q.language, []) for row in rows]
        measured = [(_distance(q, item), item) for item in shown]
        near = [(d, item) for d, item in measured if d is not None and d <= q.radius_m]
        near.sort(key=lambda pair: (pair[0], pair[1].number))
        return [item for _, item in near[: q.limit]]

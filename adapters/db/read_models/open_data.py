"""The public open-data feed: requests as anyone may download them, oldest change first.

Nothing of the reporter's comes back: their names are read only to mask them in public text.
Public text is always masked here, whatever the service's `mask_personal_data` says (a bulk
file travels far beyond our reach); descriptions come back only from services that allow it
(`open_data_descriptions`); places follow each service's `public_location`.
"""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, Select, select, tuple_
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.read_models.area_points import area_points
from adapters.db.read_models.open311 import latest_public_note
from adapters.db.tables.directory import departments
from adapters.db.tables.directory import services as services_table
from adapters.db.tables.requests import service_requests
from domain.privacy.disclosure import Disclosure
from domain.privacy.public_place import AreaPoint, Place, PublicLocation
from domain.requests.open_data_reads import OpenDataPage, OpenDataQuery, OpenDataRequest

t = service_requests
s = services_table


COLUMNS = (
    t.c.id, t.c.status, t.c.service_code, t.c.description, t.c.channel,
    t.c.lat, t.c.long, t.c.address, t.c.address_hint, t.c.zipcode, t.c.areas,
    t.c.requested_at, t.c.updated_at, t.c.expected_at, t.c.closed_at,
    t.c.reporter_first_name, t.c.reporter_last_name,  # to mask their names, never shown
    s.c.name.label("service_name"), s.c.public_location, s.c.open_data_descriptions,
    departments.c.name.label("agency"),
)  # fmt: skip


def _query(q: OpenDataQuery) -> Select[Any]:
    query = (
        select(*COLUMNS, latest_public_note().label("latest_note"))
        .join(s, s.c.code == t.c.service_code)
        .join(departments, departments.c.code == t.c.department_code)
    )
    return query.where(*_conditions(q)).order_by(t.c.updated_at, t.c.id)


def _conditions(q: OpenDataQuery) -> list[Any]:
    conditions: list[Any] = []
    if q.updated_after is not None and q.after_id is not None:
        conditions.append(tuple_(t.c.updated_at, t.c.id) > tuple_(q.updated_after, q.after_id))
    elif q.updated_after is not None:
        conditions.append(t.c.updated_at > q.updated_after)
    if q.requested_from is not None:
        conditions.append(t.c.requested_at >= q.requested_from)
    if q.requested_to is not None:
        conditions.append(t.c.requested_at < q.requested_to)
    if q.service_codes:
        conditions.append(t.c.service_code.in_(q.service_codes))
    if q.closed is not None:
        conditions.append((t.c.status == "closed") if q.closed else (t.c.status != "closed"))
    return conditions


def _public(row: Row[Any], points: dict[int, AreaPoint]) -> OpenDataRequest:
    precision = PublicLocation(row.public_location)
    disclosure = Disclosure(mask_personal_data=True, public_location=precision)
    names = (row.reporter_first_name, row.reporter_last_name)
    address = row.address or row.address_hint
    exact = Place(row.lat, row.long, address, row.zipcode)
    areas = [points[a["id"]] for a in row.areas if a["id"] in points]
    description = disclosure.text(row.description, names) if row.open_data_descriptions else ""
    return OpenDataRequest(
        id=row.id,
        status=row.status,
        closed=row.status == "closed",
        status_notes=disclosure.text(row.latest_note, names) if row.latest_note else None,
        service_code=row.service_code,
        service_name=row.service_name,
        agency=row.agency,
        description=description or None,
        requested_at=row.requested_at,
        updated_at=row.updated_at,
        expected_at=row.expected_at,
        closed_at=row.closed_at,
        channel=row.channel,
        place=disclosure.place(exact, areas),
        precision=precision,
    )


def _area_ids(rows: Sequence[Row[Any]]) -> set[int]:
    return {
        area["id"]
        for row in rows
        if row.public_location == PublicLocation.AREA.value
        for area in row.areas
    }


class OpenDataReadModel:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def page(self, q: OpenDataQuery) -> OpenDataPage:
        """Ordered by (updated_at, id), one query (and one for the areas shown by area)."""
        async with self._engine.connect() as db:
            rows = (await db.execute(_query(q).limit(q.limit))).all()
            points = await area_points(db, _area_ids(rows))
        return OpenDataPage([_public(row, points) for row in rows])

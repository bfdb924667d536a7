"""Read models behind the Open311 API: requests as the public may see them, and their updates.

Each list is one query, plus one for the public notes when extensions are asked for and one
for the areas of services shown by area. The reporter's columns are read only to mask their
name in public text; nothing of theirs is in what comes back (see `Open311Request`).
"""

from collections.abc import Sequence
from datetime import datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Row, Select, and_, func, literal_column, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.db.read_models.area_points import area_points
from adapters.db.read_models.open311_filters import matches_publicly, where
from adapters.db.read_models.open311_public import describe, public_note, public_text_of
from adapters.db.read_models.translated import Translated
from adapters.db.tables.addresses import address_points
from adapters.db.tables.directory import departments
from adapters.db.tables.directory import services as services_table
from adapters.db.tables.media import media
from adapters.db.tables.open311 import open311_submissions
from adapters.db.tables.requests import request_timeline, service_requests
from domain.directory.catalog import SlaPolicy
from domain.directory.translations import Subject
from domain.jurisdictions.model import AreaRef
from domain.privacy.disclosure import Disclosure
from domain.privacy.public_place import AreaPoint, PublicLocation
from domain.requests.model import Location, Priority, ServiceRequest, Status
from domain.requests.open311_reads import Open311Query, Open311Request, PublicNote, RequestUpdate
from domain.residents.model import Reporter
from domain.shared.sla import SlaCalendar
from domain.shared.vocabulary import Channel

t = service_requests
e = request_timeline
UPDATE_KINDS = ("created", "status", "comment", "merge")
MAX_SCANNED = 5000  # rows read to answer one page filtered on public text or place
# What a public answer is made of: ids, dates, status, the text and place to show (through
# the service's disclosure), the reporter's names to mask them. Neither the reporter's email,
# phone or language nor the attributes, holds or assignee are read.
PUBLIC_COLUMNS = (
    t.c.id,
    t.c.service_code,
    t.c.department_code,
    t.c.sla_target_hours,
    t.c.sla_calendar,
    t.c.sla_pauses_on_hold,
    t.c.requested_at,
    t.c.description,
    t.c.lat,
    t.c.long,
    t.c.address,
    t.c.zipcode,
    t.c.address_hint,
    t.c.reporter_first_name,
    t.c.reporter_last_name,
    t.c.channel,
    t.c.priority,
    t.c.status,
    t.c.updated_at,
    t.c.expected_at,
    t.c.areas,
    t.c.duplicate_of,
)
# Enum members by value: a dict look-up, where calling the enum class costs a microsecond.
STATUSES = {s.value: s for s in Status}
CHANNELS = {c.value: c for c in Channel}
PRIORITIES = {p.value: p for p in Priority}
CALENDARS = {c.value: c for c in SlaCalendar}
DISCLOSURES = {
    (mask, level.value): Disclosure(mask, level)
    for mask in (True, False)
    for level in PublicLocation
}


def latest_public_note() -> Any:
    """The text of the latest public comment, or of the latest status change with a note."""
    with_note = and_(e.c.kind == "status", e.c.data.has_key("note"))
    return (
        select(func.coalesce(e.c.data["body"].astext, e.c.data["note"].astext))
        .where(e.c.request_id == t.c.id, e.c.visibility == "public")
        .where(or_(e.c.kind == "comment", with_note))
        .order_by(e.c.id.desc())
        .limit(1)
        .scalar_subquery()
    )


def _first_public_photo() -> Any:
    """The request's first public photo, whatever channel it came by."""
    return (
        select(media.c.id)
        .where(media.c.request_id == t.c.id, media.c.visibility == "public")
        .order_by(media.c.created_at, media.c.id)
        .limit(1)
        .scalar_subquery()
    )


def _requests_query(f: Open311Query, language: str | None) -> Select[Any]:
    """Service and agency names in `language` where they are translated."""
    service_text = Translated(Subject.SERVICE, t.c.service_code, language)
    agency_text = Translated(Subject.DEPARTMENT, t.c.department_code, language)
    agency_name = agency_text.field("name", departments.c.name)
    joined = (
        t.join(services_table, services_table.c.code == t.c.service_code)
        .join(departments, departments.c.code == t.c.department_code)
        .outerjoin(open311_submissions, open311_submissions.c.request_id == t.c.id)
    )
    query = select(
        *PUBLIC_COLUMNS,
        service_text.field("name", services_table.c.name).label("service_name"),
        services_table.c.mask_personal_data,
        services_table.c.public_location,
        agency_name.label("agency"),
        open311_submissions.c.media_url.label("media_url"),
        _first_public_photo().label("photo_id"),
        latest_public_note().label("latest_note"),
    ).select_from(agency_text.join(service_text.join(joined)))
    return where(query, f, agency_name)


def _disclosure(row: Any) -> Disclosure:
    return DISCLOSURES[row.mask_personal_data, row.public_location]


def _columns(rows: Sequence[Row[Any]]) -> list[Any]:
    """The rows as plain objects: a page reads some forty columns of up to 1,000 rows, and a
    Row's attribute look-up costs about twice the copy into a namespace."""
    if not rows:
        return []
    keys = rows[0]._fields
    return [SimpleNamespace(**dict(zip(keys, row, strict=True))) for row in rows]


def _request(row: Any) -> ServiceRequest:
    """The request as far as a public answer needs it (PUBLIC_COLUMNS): ids, dates, status,
    text, place, areas, and of the reporter only the names public text is masked for."""
    return ServiceRequest(
        id=row.id,
        service_code=row.service_code,
        department_code=row.department_code,
        sla=SlaPolicy(row.sla_target_hours, CALENDARS[row.sla_calendar], row.sla_pauses_on_hold),
        requested_at=row.requested_at,
        description=row.description,
        location=Location(row.lat, row.long, row.address, row.zipcode),
        reporter=Reporter(row.reporter_first_name, row.reporter_last_name),
        channel=CHANNELS[row.channel],
        priority=PRIORITIES[row.priority],
        status=STATUSES[row.status],
        updated_at=row.updated_at,
        expected_at=row.expected_at,
        areas=[AreaRef(a["id"], a["layer"], a["code"], a["name"]) for a in row.areas],
        address_hint=row.address_hint,
        duplicate_of=row.duplicate_of,
    )


def _public(row: Any, points: dict[int, AreaPoint]) -> Open311Request:
    request = _request(row)
    disclosure = _disclosure(row)
    shown = public_text_of(disclosure, request.reporter.names)
    areas = [points[a.id] for a in request.areas if a.id in points]
    return Open311Request(
        request,
        row.service_name,
        row.agency,
        row.media_url,
        shown(request.description) or None,
        shown(row.latest_note) if row.latest_note else None,
        disclosure.place(request.place, areas),
        disclosure.public_location,
        photo_id=row.photo_id,
    )


async def _points_for(db: AsyncConnection, rows: Sequence[Any]) -> dict[int, AreaPoint]:
    ids = {
        area["id"]
        for row in rows
        if row.public_location == PublicLocation.AREA.value
        for area in row.areas
    }
    return await area_points(db, ids)


class Open311ReadModel:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def requests(
        self, f: Open311Query, with_notes: bool = False, language: str | None = None
    ) -> list[Open311Request]:
        """Newest first, names in `language`. With `q` or `bbox` the page is taken from the
        rows whose public view matches, among the first MAX_SCANNED rows SQL lets through."""
        query = _requests_query(f, language).order_by(t.c.requested_at.desc(), t.c.id.desc())
        public = f.filters_publicly
        query = query.limit(MAX_SCANNED) if public else query.limit(f.limit).offset(f.offset)
        async with self._engine.connect() as db:
            rows = _columns((await db.execute(query)).all())
            points = await _points_for(db, rows)
            found = [_public(row, points) for row in rows]
            if public:
                found = [r for r in found if matches_publicly(f, r.description, r.place)]
                found = found[f.offset : f.offset + f.limit]
            if with_notes and found:
                notes = await self._notes(db, [item.request.id for item in found])
                for item in found:
                    item.notes = notes.get(item.request.id, [])
        return found

    async def _notes(self, db: AsyncConnection, ids: list[str]) -> dict[str, list[PublicNote]]:
        query = (
            select(
                e.c.request_id,
                e.c.at,
                e.c.kind,
                e.c.data,
                t.c.reporter_first_name,
                t.c.reporter_last_name,
                services_table.c.mask_personal_data,
                services_table.c.public_location,
            )
            .join(t, t.c.id == e.c.request_id)
            .join(services_table, services_table.c.code == t.c.service_code)
            .where(e.c.request_id.in_(ids), e.c.visibility == "public", e.c.kind.in_(UPDATE_KINDS))
            .order_by(e.c.id)
        )
        notes: dict[str, list[PublicNote]] = {}
        for row in (await db.execute(query)).all():
            shown = public_text_of(_disclosure(row), _names(row))
            note = public_note(row.at, row.kind, row.data, shown)
            notes.setdefault(row.request_id, []).append(note)
        return notes

    async def updates(
        self,
        after: datetime | None,
        before: datetime | None,
        request_ids: list[str],
        limit: int,
    ) -> list[RequestUpdate]:
        """Public timeline entries, oldest first, each with the request's status at that time."""
        s = request_timeline.alias("s")
        status_then = (
            select(s.c.data["to"].astext)
            .where(s.c.request_id == e.c.request_id, s.c.kind == "status", s.c.id <= e.c.id)
            .order_by(s.c.id.desc())
            .limit(1)
            .scalar_subquery()
        )
        query = (
            select(
                e.c.id,
                e.c.request_id,
                e.c.at,
                e.c.kind,
                e.c.data,
                func.coalesce(status_then, literal_column("'new'")).label("status"),
                t.c.reporter_first_name,
                t.c.reporter_last_name,
                services_table.c.mask_personal_data,
                services_table.c.public_location,
            )
            .join(t, t.c.id == e.c.request_id)
            .join(services_table, services_table.c.code == t.c.service_code)
            .where(e.c.visibility == "public", e.c.kind.in_(UPDATE_KINDS[1:]))
        )
        if after is not None:
            query = query.where(e.c.at > after)
        if before is not None:
            query = query.where(e.c.at < before)
        if request_ids:
            query = query.where(e.c.request_id.in_(request_ids))
        async with self._engine.connect() as db:
            rows = (await db.execute(query.order_by(e.c.id).limit(limit))).all()
        return [
            RequestUpdate(
                r.id,
                r.request_id,
                r.at,
                r.status,
                describe(r.kind, r.data, public_text_of(_disclosure(r), _names(r))),
            )
            for r in rows
        ]

    async def request_of_token(self, token: str) -> str | None:
        query = select(open311_submissions.c.request_id).where(open311_submissions.c.token == token)
        async with self._engine.connect() as db:
            return (await db.execute(query)).scalar_one_or_none()

    async def address_point(self, point_id: int) -> tuple[float, float, str] | None:
        a = address_points
        query = select(a.c.lat, a.c.long, a.c.address).where(a.c.id == point_id)
        async with self._engine.connect() as db:
            row = (await db.execute(query)).first()
        return None if row is None else (row.lat, row.long, row.address)


def _names(row: Any) -> tuple[str | None, ...]:
    return (row.reporter_first_name, row.reporter_last_name)

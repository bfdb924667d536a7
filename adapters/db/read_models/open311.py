"""Read models behind the Open311 API: requests with what GeoReport shows, and their updates.

Each list is one query (plus one for the public notes when extensions are asked for). The
reporter columns are never selected into what the API shows: see `Open311Request`.
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Select, and_, func, literal_column, or_, select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.read_models.translated import Translated
from adapters.db.repositories.requests import request_from_row
from adapters.db.tables import address_points, departments, request_timeline, service_requests
from adapters.db.tables import services as services_table
from adapters.db.tables_idempotency_media import media
from adapters.db.tables_open311 import open311_submissions
from domain.directory.translations import Subject
from domain.requests.model import ServiceRequest

t = service_requests
e = request_timeline
UPDATE_KINDS = ("created", "status", "comment", "merge")


@dataclass(frozen=True)
class Open311Query:
    ids: list[str] = field(default_factory=list)
    service_codes: list[str] = field(default_factory=list)
    requested_from: datetime | None = None
    requested_to: datetime | None = None
    closed: bool | None = None  # None: both open and closed
    updated_after: datetime | None = None
    updated_before: datetime | None = None
    bbox: tuple[float, float, float, float] | None = None  # min_long, min_lat, max_long, max_lat
    q: str | None = None
    agency: str | None = None
    limit: int = 1000
    offset: int = 0


@dataclass(frozen=True)
class PublicNote:
    at: datetime
    type: str  # as Chicago's notes: opened, status, closed, comment, merged
    description: str


@dataclass
class Open311Request:
    request: ServiceRequest
    service_name: str
    agency: str
    media_url: str | None  # the URL the client sent, when we keep no photo of the request
    status_notes: str | None
    notes: list[PublicNote] = field(default_factory=list)
    photo_id: UUID | None = None  # the request's first public photo


@dataclass(frozen=True)
class RequestUpdate:
    update_id: int
    request_id: str
    at: datetime
    kind: str
    status: str
    data: dict[str, Any]


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _latest_public_comment() -> Any:
    return (
        select(e.c.data["body"].astext)
        .where(e.c.request_id == t.c.id, e.c.kind == "comment", e.c.visibility == "public")
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


def _where(query: Select[Any], f: Open311Query, agency_name: Any) -> Select[Any]:
    if f.ids:
        return query.where(t.c.id.in_(f.ids))
    conditions: list[Any] = []
    if f.service_codes:
        conditions.append(t.c.service_code.in_(f.service_codes))
    if f.requested_from is not None:
        conditions.append(t.c.requested_at >= f.requested_from)
    if f.requested_to is not None:
        conditions.append(t.c.requested_at <= f.requested_to)
    if f.closed is not None:
        conditions.append((t.c.status == "closed") if f.closed else (t.c.status != "closed"))
    if f.updated_after is not None:
        conditions.append(t.c.updated_at > f.updated_after)
    if f.updated_before is not None:
        conditions.append(t.c.updated_at < f.updated_before)
    if f.bbox is not None:
        min_long, min_lat, max_long, max_lat = f.bbox
        conditions += [t.c.long.between(min_long, max_long), t.c.lat.between(min_lat, max_lat)]
    if f.q:
        pattern = _like(f.q)
        conditions.append(or_(t.c.description.ilike(pattern), t.c.address.ilike(pattern)))
    if f.agency:
        agency = f.agency.strip().lower()
        names = (func.lower(departments.c.name), func.lower(agency_name))
        conditions.append(or_(*(name == agency for name in names), t.c.department_code == agency))
    return query.where(and_(*conditions)) if conditions else query


class Open311ReadModel:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def requests(
        self, f: Open311Query, with_notes: bool = False, language: str | None = None
    ) -> list[Open311Request]:
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
            t,
            service_text.field("name", services_table.c.name).label("service_name"),
            agency_name.label("agency"),
            open311_submissions.c.media_url.label("media_url"),
            _first_public_photo().label("photo_id"),
            _latest_public_comment().label("status_notes"),
        ).select_from(agency_text.join(service_text.join(joined)))
        query = _where(query, f, agency_name).order_by(t.c.requested_at.desc(), t.c.id.desc())
        async with self._engine.connect() as db:
            rows = (await db.execute(query.limit(f.limit).offset(f.offset))).all()
            found = [
                Open311Request(
                    request_from_row(r),
                    r.service_name,
                    r.agency,
                    r.media_url,
                    r.status_notes,
                    photo_id=r.photo_id,
                )
                for r in rows
            ]
            if with_notes and found:
                notes = await self._notes(db, [item.request.id for item in found])
                for item in found:
                    item.notes = notes.get(item.request.id, [])
        return found

    async def _notes(self, db: Any, ids: list[str]) -> dict[str, list[PublicNote]]:
        query = (
            select(e.c.request_id, e.c.at, e.c.kind, e.c.data)
            .where(e.c.request_id.in_(ids), e.c.visibility == "public", e.c.kind.in_(UPDATE_KINDS))
            .order_by(e.c.id)
        )
        notes: dict[str, list[PublicNote]] = {}
        for row in (await db.execute(query)).all():
            notes.setdefault(row.request_id, []).append(
                PublicNote(row.at, note_type(row.kind, row.data), describe(row.kind, row.data))
            )
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
        query = select(
            e.c.id,
            e.c.request_id,
            e.c.at,
            e.c.kind,
            e.c.data,
            func.coalesce(status_then, literal_column("'new'")).label("status"),
        ).where(e.c.visibility == "public", e.c.kind.in_(UPDATE_KINDS[1:]))
        if after is not None:
            query = query.where(e.c.at > after)
        if before is not None:
            query = query.where(e.c.at < before)
        if request_ids:
            query = query.where(e.c.request_id.in_(request_ids))
        async with self._engine.connect() as db:
            rows = (await db.execute(query.order_by(e.c.id).limit(limit))).all()
        return [RequestUpdate(r.id, r.request_id, r.at, r.kind, r.status, r.data) for r in rows]

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


CLOSE_REASONS = {
    "resolved": "resolved",
    "not_resolved": "closed without a fix",
    "duplicate": "closed as a duplicate",
    "referred": "referred to another agency",
    "cancelled": "cancelled",
}


def note_type(kind: str, data: dict[str, Any]) -> str:
    if kind == "status":
        return "closed" if data.get("to") == "closed" else "status"
    return {"created": "opened", "merge": "merged"}.get(kind, kind)


def describe(kind: str, data: dict[str, Any]) -> str:
    """A public sentence for a timeline entry: no staff names, no internal reasons."""
    if kind == "comment":
        return str(data.get("body", ""))
    if kind == "merge":
        if "into" in data:
            return f"Merged into request {data['into']}"
        return f"Request {data.get('from')} was merged into this one"
    if kind == "status":
        to = str(data.get("to", "")).replace("_", " ")
        reason = CLOSE_REASONS.get(str(data.get("reason")))
        return f"Status changed to {to}" + (f" ({reason})" if reason else "")
    return "Request received"

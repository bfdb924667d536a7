"""Read models behind request lists and timelines: one query each, no per-row look-ups."""

import base64
import binascii
import json
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ARRAY,
    Boolean,
    ColumnElement,
    Select,
    Text,
    and_,
    any_,
    bindparam,
    func,
    or_,
    select,
    tuple_,
)
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.engine import reading, reads_of
from adapters.db.read_models.request_standing import standing_is
from adapters.db.repositories.requests import request_from_row
from adapters.db.tables.requests import request_timeline, service_requests
from adapters.db.tables.search import REQUEST_DOCUMENT
from domain.requests.escalation import frozen_standing
from domain.requests.model import EntryKind, ServiceRequest, Status, TimelineEntry
from domain.requests.queries import RequestFilter, RequestPage, RequestStamp
from domain.shared.errors import ValidationFailed
from domain.shared.vocabulary import Actor, Visibility

t = service_requests
# Built once: each read binds its id (SQLAlchemy's compiled cache then skips compiling).
BY_ID = select(t).where(t.c.id == bindparam("request_id"))
STAMP_BY_ID = select(
    t.c.version, t.c.department_code, t.c.status, t.c.expected_at, t.c.sla_pauses_on_hold
).where(t.c.id == bindparam("request_id"))


def encode_cursor(request: ServiceRequest) -> str:
    raw = json.dumps([request.requested_at.isoformat(), request.id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, str]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        at, request_id = json.loads(base64.urlsafe_b64decode(padded.encode()))
        return datetime.fromisoformat(at), str(request_id)
    except (ValueError, TypeError, binascii.Error, json.JSONDecodeError):
        raise ValidationFailed.single("cursor", "is not a cursor this API issued") from None


def mentions(q: str) -> ColumnElement[bool]:
    """Every word of `q` in the request's external id, description, address or address hint
    (migration 0016 says how words are cut, 0024 where they are kept), or `q` one number that
    is the request's reference or its number (0037): a look-up in the GIN index OR'd with
    one in the primary key."""
    words = REQUEST_DOCUMENT.op("@@", return_type=Boolean)(func.frontdoor_search_query(q))
    return or_(words, t.c.id == any_(func.frontdoor_search_ids(q, type_=ARRAY(Text))))


def _where(query: Select[Any], f: RequestFilter) -> Select[Any]:
    conditions = []
    if f.visible_department is not None:
        conditions.append(t.c.department_code == f.visible_department)
    if f.statuses:
        conditions.append(t.c.status.in_(f.statuses))
    if f.service_codes:
        conditions.append(t.c.service_code.in_(f.service_codes))
    if f.department:
        conditions.append(t.c.department_code == f.department)
    if f.assignee_id is not None:
        conditions.append(t.c.assignee_id == f.assignee_id)
    if f.created_from:
        conditions.append(t.c.requested_at >= f.created_from)
    if f.created_to:
        conditions.append(t.c.requested_at < f.created_to)
    if f.updated_after:
        conditions.append(t.c.updated_at > f.updated_after)
    if f.standing is not None:
        conditions.append(standing_is(f.standing))
    if f.area:
        layer, code = f.area
        conditions.append(t.c.areas.contains([{"layer": layer, "code": code}]))
    if f.q and f.q.strip():
        conditions.append(mentions(f.q.strip()))
    if f.external_id:
        conditions.append(t.c.external_id == f.external_id.strip())
    if f.cursor:
        at, request_id = decode_cursor(f.cursor)
        conditions.append(tuple_(t.c.requested_at, t.c.id) < tuple_(at, request_id))
    return query.where(and_(*conditions)) if conditions else query


def page_query(f: RequestFilter) -> Select[Any]:
    """One page and one more row, to tell whether another page follows."""
    newest_first = _where(select(t), f).order_by(t.c.requested_at.desc(), t.c.id.desc())
    return newest_first.limit(f.limit + 1)


class RequestReadModel:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._reads = reads_of(engine)

    async def page(self, f: RequestFilter) -> RequestPage:
        async with self._engine.connect() as db:
            rows = (await db.execute(page_query(f))).all()
        items = [request_from_row(row) for row in rows[: f.limit]]
        more = len(rows) > f.limit
        return RequestPage(items, encode_cursor(items[-1]) if more and items else None)

    async def get(self, request_id: str) -> ServiceRequest | None:
        async with reading(self._reads) as db:
            row = (await db.execute(BY_ID, {"request_id": request_id})).first()
        return None if row is None else request_from_row(row)

    async def stamp(self, request_id: str) -> RequestStamp | None:
        async with reading(self._reads) as db:
            row = (await db.execute(STAMP_BY_ID, {"request_id": request_id})).first()
        if row is None:
            return None
        frozen = frozen_standing(Status(row.status), row.expected_at, row.sla_pauses_on_hold)
        return RequestStamp(row.version, row.department_code, frozen)

    async def timeline(self, request_id: str, include_internal: bool = True) -> list[TimelineEntry]:
        e = request_timeline
        query = select(e).where(e.c.request_id == request_id).order_by(e.c.id)
        if not include_internal:
            query = query.where(e.c.visibility == Visibility.PUBLIC.value)
        async with self._engine.connect() as db:
            rows = (await db.execute(query)).all()
        return [
            TimelineEntry(
                EntryKind(r.kind),
                r.at,
                Actor(r.actor_id, r.actor_name),
                Visibility(r.visibility),
                r.data,
            )
            for r in rows
        ]

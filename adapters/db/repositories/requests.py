"""The ServiceRequest repository: one row per request plus append-only timeline rows."""

from datetime import datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Row, insert, select, text, update
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.tables.requests import request_number, request_timeline, service_requests
from domain.directory.catalog import SlaPolicy
from domain.jurisdictions.model import AreaRef, area_refs_to_json
from domain.requests.model import CloseReason, Location, Priority, ServiceRequest, Status
from domain.residents.model import Reporter
from domain.shared.errors import PreconditionFailed
from domain.shared.sla import Interval, SlaCalendar
from domain.shared.vocabulary import Channel

# The writing transaction's id, for the change feed (adapters/db/read_models/changes.py).
CURRENT_XID = text("pg_current_xact_id()::text::bigint")


class SqlRequestRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def next_id(self, at: datetime) -> str:
        number = await self._db.scalar(request_number.next_value())
        return f"{at:%y}-{number:08d}"

    async def get(self, request_id: str, *, for_update: bool = False) -> ServiceRequest | None:
        query = select(service_requests).where(service_requests.c.id == request_id)
        if for_update:
            query = query.with_for_update()
        row = (await self._db.execute(query)).first()
        return None if row is None else request_from_row(row)

    async def add(self, request: ServiceRequest) -> None:
        values = request_values(request)
        values["change_xid"] = CURRENT_XID
        await self._db.execute(insert(service_requests).values(**values))
        await self._flush_entries(request)

    async def save(self, request: ServiceRequest, expected_version: int) -> None:
        values = request_values(request)
        values["version"] = expected_version + 1
        values["change_xid"] = CURRENT_XID
        values["anonymized_at"] = None  # a change may bring personal data: the job looks again
        result = await self._db.execute(
            update(service_requests)
            .where(service_requests.c.id == request.id)
            .where(service_requests.c.version == expected_version)
            .values(**values)
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            raise PreconditionFailed("the request was changed by someone else; read it again")
        request.version = expected_version + 1
        await self._flush_entries(request)

    async def save_event_sequence(self, request: ServiceRequest) -> None:
        await self._db.execute(
            update(service_requests)
            .where(service_requests.c.id == request.id)
            .values(event_sequence=request.event_sequence)
        )

    async def _flush_entries(self, request: ServiceRequest) -> None:
        if not request.pending_entries:
            return
        rows = [
            {
                "request_id": request.id,
                "at": entry.at,
                "kind": entry.kind.value,
                "actor_id": entry.actor.user_id,
                "actor_name": entry.actor.name,
                "visibility": entry.visibility.value,
                "data": entry.data,
            }
            for entry in request.pending_entries
        ]
        await self._db.execute(insert(request_timeline), rows)
        request.pending_entries.clear()


def request_values(request: ServiceRequest) -> dict[str, Any]:
    reporter, location = request.reporter, request.location
    return {
        "id": request.id,
        "external_id": request.external_id,
        "service_code": request.service_code,
        "department_code": request.department_code,
        "description": request.description,
        "lat": location.lat,
        "long": location.long,
        "address": location.address,
        "zipcode": location.zipcode,
        "attributes": request.attributes,
        "reporter_first_name": reporter.first_name,
        "reporter_last_name": reporter.last_name,
        "reporter_email": reporter.email,
        "reporter_phone": reporter.phone,
        "reporter_language": reporter.language,
        "channel": request.channel.value,
        "priority": request.priority.value,
        "status": request.status.value,
        "close_reason": request.close_reason.value if request.close_reason else None,
        "assignee_id": request.assignee_id,
        "sla_target_hours": request.sla.target_hours,
        "sla_calendar": request.sla.calendar.value,
        "sla_pauses_on_hold": request.sla.pauses_on_hold,
        "holds": [[h.start.isoformat(), h.end.isoformat()] for h in request.holds],
        "on_hold_since": request.on_hold_since,
        "requested_at": request.requested_at,
        "updated_at": request.updated_at or request.requested_at,
        "expected_at": request.expected_at,
        "closed_at": request.closed_at,
        "version": request.version,
        "areas": area_refs_to_json(request.areas),
        "resident_id": request.resident_id,
        "address_hint": request.address_hint,
        "duplicate_of": request.duplicate_of,
        "event_sequence": request.event_sequence,
    }


def request_from_row(row: Row[Any] | SimpleNamespace) -> ServiceRequest:
    return ServiceRequest(
        id=row.id,
        external_id=row.external_id,
        service_code=row.service_code,
        department_code=row.department_code,
        sla=SlaPolicy(row.sla_target_hours, SlaCalendar(row.sla_calendar), row.sla_pauses_on_hold),
        requested_at=row.requested_at,
        description=row.description,
        location=Location(row.lat, row.long, row.address, row.zipcode),
        attributes=row.attributes,
        reporter=Reporter(
            row.reporter_first_name,
            row.reporter_last_name,
            row.reporter_email,
            row.reporter_phone,
            row.reporter_language,
        ),
        channel=Channel(row.channel),
        priority=Priority(row.priority),
        status=Status(row.status),
        close_reason=CloseReason(row.close_reason) if row.close_reason else None,
        assignee_id=row.assignee_id,
        updated_at=row.updated_at,
        expected_at=row.expected_at,
        closed_at=row.closed_at,
        holds=[
            Interval(datetime.fromisoformat(a), datetime.fromisoformat(b)) for a, b in row.holds
        ],
        on_hold_since=row.on_hold_since,
        areas=[AreaRef(a["id"], a["layer"], a["code"], a["name"]) for a in row.areas],
        resident_id=row.resident_id,
        address_hint=row.address_hint,
        duplicate_of=row.duplicate_of,
        version=row.version,
        event_sequence=row.event_sequence,
    )

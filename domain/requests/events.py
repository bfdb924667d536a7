"""The events a change to a service request publishes (see domain/shared/events.py)."""

from datetime import datetime

from domain.privacy.disclosure import Disclosure
from domain.requests.escalation import Threshold
from domain.requests.model import EntryKind, ServiceRequest, Status, TimelineEntry
from domain.requests.ports import RequestsUnitOfWork
from domain.shared.events import Event, EventType
from domain.shared.vocabulary import Visibility

CHANGE_NAMES = {
    EntryKind.STATUS: "status",
    EntryKind.ASSIGNMENT: "assignee",
    EntryKind.TRANSFER: "department",
    EntryKind.PRIORITY: "priority",
    EntryKind.MERGE: "merge",
}


def public_status(status: Status | None) -> str | None:
    """The Open311 status residents see: only open and closed."""
    if status is None:
        return None
    return "closed" if status is Status.CLOSED else "open"


def _change_name(entry: TimelineEntry) -> str:
    if entry.kind is EntryKind.COMMENT:
        return f"{entry.visibility.value}_comment"
    return CHANGE_NAMES.get(entry.kind, entry.kind.value)


def changes_of(request: ServiceRequest) -> list[str]:
    """What the pending (unsaved) timeline entries change, in order, without repeats."""
    names = [_change_name(entry) for entry in request.pending_entries]
    return list(dict.fromkeys(names))


def request_event(
    request: ServiceRequest,
    previous_status: Status | None,
    at: datetime,
    event_type: EventType | None = None,
    extra: dict[str, object] | None = None,
) -> Event:
    """The event for the request's pending change; it takes the request's next sequence number.

    Call before saving the request: the repository writes the sequence with the change, so
    the sequence number is per request, gap-free and in commit order.
    """
    request.event_sequence += 1
    if event_type is None:
        event_type = _type_of(request, previous_status)
    data: dict[str, object] = {
        "sequence": request.event_sequence,
        "status": request.status.value,
        "previous_status": previous_status.value if previous_status else None,
        "public_status_changed": previous_status is not None
        and public_status(previous_status) != public_status(request.status),
        "department_code": request.department_code,
        "service_code": request.service_code,
        "changes": changes_of(request),
        **(extra or {}),
    }
    return Event(
        type=event_type,
        subject=request.id,
        occurred_at=at,
        department_code=request.department_code,
        service_code=request.service_code,
        data=data,
    )


def overdue_event(request: ServiceRequest, threshold: Threshold, at: datetime) -> Event:
    """`request.overdue`: the request, unchanged, reached `threshold`; it takes the next
    sequence number like any other event of the request."""
    if request.expected_at is None:
        raise ValueError("an undated request is never due")
    extra: dict[str, object] = {
        "threshold": threshold.value,
        "expected_datetime": request.expected_at.isoformat(),
    }
    return request_event(request, request.status, at, EventType.REQUEST_OVERDUE, extra)


def _type_of(request: ServiceRequest, previous_status: Status | None) -> EventType:
    if previous_status is None:
        return EventType.REQUEST_CREATED
    if request.status is Status.CLOSED and previous_status is not Status.CLOSED:
        return EventType.REQUEST_CLOSED
    return EventType.REQUEST_UPDATED


def _status_note(request: ServiceRequest) -> str | None:
    notes = [
        str(entry.data["note"])
        for entry in request.pending_entries
        if entry.kind is EntryKind.STATUS
        and entry.visibility is Visibility.PUBLIC
        and entry.data.get("note")
    ]
    return notes[-1] if notes else None


async def _public_note(uow: RequestsUnitOfWork, request: ServiceRequest) -> dict[str, object]:
    """`note`: the public note of a status change, masked as every public output masks it."""
    note = _status_note(request)
    if note is None:
        return {}
    service = await uow.services.get(request.service_code)
    disclosure = service.disclosure if service is not None else Disclosure()
    return {"note": disclosure.text(note, request.reporter.names)}


async def publish_request_change(
    uow: RequestsUnitOfWork, request: ServiceRequest, previous_status: Status | None, at: datetime
) -> None:
    """Publish what changed on `request` since it was loaded (or that it was created)."""
    extra = await _public_note(uow, request)
    await uow.events.publish(request_event(request, previous_status, at, extra=extra))

"""Job payloads (events, delivery attempts) in JSON, so a job row can be read by hand."""

import json
from datetime import datetime
from uuid import UUID

from domain.shared.events import Event, EventType


def encode_event(event: Event) -> bytes:
    return json.dumps(
        {
            "id": str(event.id),
            "type": event.type.value,
            "subject": event.subject,
            "occurred_at": event.occurred_at.isoformat(),
            "department_code": event.department_code,
            "service_code": event.service_code,
            "data": dict(event.data),
        },
        separators=(",", ":"),
    ).encode()


def decode_event(payload: bytes) -> Event:
    raw = json.loads(payload)
    return Event(
        type=EventType(raw["type"]),
        subject=raw["subject"],
        occurred_at=datetime.fromisoformat(raw["occurred_at"]),
        department_code=raw["department_code"],
        service_code=raw["service_code"],
        data=raw["data"],
        id=UUID(raw["id"]),
    )


def encode_delivery(delivery_id: UUID, attempt: int) -> bytes:
    return json.dumps({"delivery_id": str(delivery_id), "attempt": attempt}).encode()


def decode_delivery(payload: bytes) -> tuple[UUID, int]:
    raw = json.loads(payload)
    return UUID(raw["delivery_id"]), int(raw["attempt"])

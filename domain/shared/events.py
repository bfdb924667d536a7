"""Domain events: what partners and residents hear about, written in the change's transaction.

A use case publishes on `uow.events` before it commits; the adapter stores the event in the
same transaction (the transactional outbox), so a rolled-back change publishes nothing.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Protocol, runtime_checkable
from uuid import UUID, uuid4


class EventType(StrEnum):
    REQUEST_CREATED = "request.created"
    REQUEST_UPDATED = "request.updated"
    REQUEST_CLOSED = "request.closed"
    REQUEST_OVERDUE = "request.overdue"
    CASE_CREATED = "case.created"
    MESSAGE_RECEIVED = "message.received"  # an email or text came in: acknowledge it
    MESSAGE_QUEUED = "message.queued"  # a reply or acknowledgement waits to be sent
    FOLLOWER_PENDING = "follower.pending"  # someone asked to follow a request: confirm by email
    SURVEY_DUE = "survey.due"  # a closed request's reporter is to be asked how we did


@dataclass(frozen=True)
class Event:
    """One change. `subject` is the request number (`26-00000001`) or the case id.

    `data` is JSON-ready and public: no resident's name, email or phone. Request events carry
    `status`, `previous_status` (None on creation), `public_status_changed` (bool),
    `department_code`, `service_code` and `changes` (the names of what changed); a status
    change with a public note carries it as `note`, masked as public outputs mask it.
    """

    type: EventType
    subject: str
    occurred_at: datetime
    department_code: str | None = None
    service_code: str | None = None
    data: Mapping[str, object] = field(default_factory=dict)
    id: UUID = field(default_factory=uuid4)


class EventOutbox(Protocol):
    async def publish(self, event: Event) -> None: ...


class EventSubscriber(Protocol):
    """Handles a committed event, at least once: handlers must be idempotent by `event.id`."""

    async def handle(self, event: Event) -> None: ...


@runtime_checkable
class Selective(Protocol):
    """A subscriber that says which events it hears: the dispatcher records the others as
    handled without calling it. `hears` is pure (the event alone decides) and `handle`
    does nothing with an event it does not hear."""

    def hears(self, event: Event) -> bool: ...


def hears(subscriber: EventSubscriber, event: Event) -> bool:
    """Whether the subscriber has anything to do with the event; one without `hears` has."""
    return not isinstance(subscriber, Selective) or subscriber.hears(event)

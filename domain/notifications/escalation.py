"""Managers hear, once per threshold, that a request of their department is late."""

from datetime import datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from domain.notifications.ports import (
    Channel,
    Delivery,
    DeliveryLog,
    EmailSender,
    EscalationContacts,
    NotificationsUnitOfWork,
    OutgoingEmail,
    StaffContact,
)
from domain.notifications.templates import render_email
from domain.notifications.wording import ENGLISH, STATUS_WORDS, format_span, format_when
from domain.requests.model import ServiceRequest, Status
from domain.shared.context import Context
from domain.shared.events import Event, EventType


class Threshold(StrEnum):
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


LABELS = {Threshold.DUE_SOON: "due soon", Threshold.OVERDUE: "overdue"}


def lateness(threshold: Threshold, expected: datetime | None, at: datetime) -> str:
    """'overdue by 2 days 3 hours' or 'due in 4 hours 10 minutes', as of the event."""
    if expected is None:
        return LABELS[threshold]
    if threshold is Threshold.OVERDUE:
        return f"overdue by {format_span(at - expected)}"
    return f"due in {format_span(expected - at)}"


class EscalationNotifier:
    """An EventSubscriber of `request.overdue`: emails the managers of the request's department
    (its own address when it has no manager), in English.

    Each manager gets one email per request and threshold, however many events say so;
    a request closed since the scan is not escalated. The email names no resident.
    """

    def __init__(
        self,
        context: Context[NotificationsUnitOfWork],
        contacts: EscalationContacts,
        log: DeliveryLog,
        email: EmailSender,
        zone: ZoneInfo,
    ) -> None:
        self._uow, self._contacts, self._log, self._email = context.uow, contacts, log, email
        self._zone, self._clock = zone, context.clock

    def hears(self, event: Event) -> bool:
        return event.type is EventType.REQUEST_OVERDUE and event.data.get("threshold") in set(
            Threshold
        )

    async def handle(self, event: Event) -> None:
        if not self.hears(event):
            return
        threshold = Threshold(str(event.data.get("threshold")))
        async with self._uow() as work:
            request = await work.requests.get(event.subject)
            if request is None or request.status is Status.CLOSED:
                return
            service = await work.services.get(request.service_code)
            department = await work.departments.get(request.department_code)
        values = {
            "label": LABELS[threshold],
            "number": request.id,
            "service": service.name if service else request.service_code,
            "department": department.name if department else request.department_code,
            "where": _where(request),
            "status": STATUS_WORDS[ENGLISH][request.status],
            "expected": _expected(request, self._zone),
            "lateness": lateness(threshold, request.expected_at, event.occurred_at),
        }
        for contact in await self._contacts.for_department(request.department_code):
            await self._notify(event, request.id, threshold, contact, values)

    async def _notify(
        self,
        event: Event,
        number: str,
        threshold: Threshold,
        contact: StaffContact,
        values: dict[str, str],
    ) -> None:
        delivery = Delivery(
            key=f"escalation:{number}:{threshold}:{contact.key}",
            event_id=event.id,
            request_id=number,
            kind=f"escalation.{threshold}",
            channel=Channel.EMAIL,
            at=self._clock.now(),
        )
        async with self._log.claim(delivery) as new:
            if not new:
                return
            rendered = render_email("escalation", ENGLISH, values)
            message = OutgoingEmail(
                to=contact.email,
                subject=rendered.subject,
                text=rendered.text,
                key=delivery.key,
                headers={"Content-Language": ENGLISH},
            )
            await self._email.send(message)


def _where(request: ServiceRequest) -> str:
    place = request.location.address or request.address_hint
    if place:
        return place
    if request.location.lat is not None:
        return f"{request.location.lat:.5f}, {request.location.long:.5f}"
    return "no location given"


def _expected(request: ServiceRequest, zone: ZoneInfo) -> str:
    if request.expected_at is None:
        return "not set"
    return format_when(request.expected_at, ENGLISH, zone)

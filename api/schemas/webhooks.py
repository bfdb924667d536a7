"""Bodies of the webhook subscription and delivery-log endpoints."""

from datetime import datetime
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from domain.webhooks.delivery_log import AttemptRow, DeliveryRow
from domain.webhooks.model import MAX_URL, Subscription
from domain.webhooks.use_cases import SubscriptionChange

Slug = Annotated[str, StringConstraints(min_length=1, max_length=64)]
Url = Annotated[str, StringConstraints(min_length=1, max_length=MAX_URL)]
EventName = Annotated[str, StringConstraints(min_length=1, max_length=40)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


FIELDS = {"department": "department_code"}  # body names that differ from the domain's


def _change(body: "WebhookCreate | WebhookPatch", changed: frozenset[str]) -> SubscriptionChange:
    return SubscriptionChange(
        url=body.url,
        event_types=body.event_types,
        department_code=body.department,
        service_codes=body.service_codes,
        description=body.description,
        active=body.active,
        changed=changed,
    )


class WebhookCreate(Strict):
    url: Url
    event_types: Annotated[list[EventName], Field(min_length=1, max_length=10)]
    department: Slug | None = Field(None, description="only this department's events")
    service_codes: Annotated[list[Slug], Field(max_length=50)] = []
    description: Annotated[str, StringConstraints(max_length=500)] = ""
    active: bool = True

    def to_change(self) -> SubscriptionChange:
        return _change(self, frozenset())


class WebhookPatch(Strict):
    url: Url | None = None
    event_types: Annotated[list[EventName], Field(min_length=1, max_length=10)] | None = None
    department: Slug | None = None
    service_codes: Annotated[list[Slug], Field(max_length=50)] | None = None
    description: Annotated[str, StringConstraints(max_length=500)] | None = None
    active: bool | None = None

    def to_change(self) -> SubscriptionChange:
        """Only what the body gives changes."""
        return _change(self, frozenset(FIELDS.get(name, name) for name in self.model_fields_set))


class WebhookOut(BaseModel):
    id: UUID
    url: str
    event_types: list[str]
    department: str | None
    service_codes: list[str]
    description: str
    active: bool
    disabled_reason: str | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, s: Subscription) -> "WebhookOut":
        return cls(
            id=s.id,
            url=s.url,
            event_types=[e.value for e in s.event_types],
            department=s.department_code,
            service_codes=s.service_codes,
            description=s.description,
            active=s.active,
            disabled_reason=s.disabled_reason,
            created_at=s.created_at,
            updated_at=s.updated_at,
        )


class WebhookWithSecret(WebhookOut):
    secret: str = Field(description="shown on create and on rotation only: keep it")

    @classmethod
    def of_new(cls, s: Subscription) -> "WebhookWithSecret":
        return cls(**WebhookOut.of(s).model_dump(), secret=s.secret)


class WebhookList(BaseModel):
    items: list[WebhookOut]


class AttemptOut(BaseModel):
    attempt: int
    at: datetime
    status_code: int | None
    duration_ms: int
    error: str | None

    @classmethod
    def of(cls, a: AttemptRow) -> "AttemptOut":
        return cls(
            attempt=a.attempt,
            at=a.at,
            status_code=a.status_code,
            duration_ms=a.duration_ms,
            error=a.error,
        )


class DeliveryOut(BaseModel):
    id: UUID = Field(description="also the `webhook-id` header of every attempt")
    event_id: UUID
    event_type: str
    subject: str
    status: str = Field(description="pending, delivered, failed or cancelled")
    attempts: int
    created_at: datetime
    next_attempt_at: datetime | None
    delivered_at: datetime | None
    attempt_log: list[AttemptOut]

    @classmethod
    def of(cls, d: DeliveryRow) -> "DeliveryOut":
        return cls(
            id=d.id,
            event_id=d.event_id,
            event_type=d.event_type,
            subject=d.subject,
            status=d.status,
            attempts=d.attempts,
            created_at=d.created_at,
            next_attempt_at=d.next_attempt_at,
            delivered_at=d.delivered_at,
            attempt_log=[AttemptOut.of(a) for a in d.attempt_log],
        )


class DeliveryList(BaseModel):
    items: list[DeliveryOut]

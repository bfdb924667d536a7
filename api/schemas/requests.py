"""Bodies of the request endpoints."""

from datetime import datetime
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from api.schemas.jurisdictions import AreaRefOut
from domain.requests.escalation import Standing
from domain.requests.model import (
    CloseReason,
    EntryKind,
    Location,
    Priority,
    ServiceRequest,
    Status,
    TimelineEntry,
)
from domain.requests.submission import SubmitServiceRequest
from domain.residents.model import Reporter
from domain.shared.vocabulary import Channel, Visibility

ShortText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]
Email = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=254, pattern=r"^[^@\s]+@[^@\s]+$")
]
Phone = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=40, pattern=r"^[0-9+()\-.\s x]+$")
]
Language = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
]
AttributeInput = str | int | float | list[str]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LocationIn(Strict):
    lat: float | None = Field(default=None, ge=-90, le=90, allow_inf_nan=False)
    long: float | None = Field(default=None, ge=-180, le=180, allow_inf_nan=False)
    address: Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)] | None = None

    @staticmethod
    def located(given: "LocationIn | None") -> Location:
        """The domain's location of a body's optional `location`."""
        return Location(given.lat, given.long, given.address) if given else Location()


class ReporterIn(Strict):
    first_name: ShortText | None = None
    last_name: ShortText | None = None
    email: Email | None = None
    phone: Phone | None = None
    language: Language | None = None


class RequestCreate(Strict):
    service_code: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    description: Annotated[str, StringConstraints(max_length=4000)] = Field(
        default="",
        description="Public: residents read it on the status page and through Open311 "
        "(emails, phone numbers and the reporter's name are masked there)",
    )
    internal_note: Annotated[str, StringConstraints(max_length=4000)] = Field(
        default="",
        description="Staff only, such as the caller's own words: kept as an internal comment",
    )
    location: LocationIn | None = None
    attributes: dict[Annotated[str, StringConstraints(max_length=64)], AttributeInput] = Field(
        default_factory=dict, max_length=100
    )
    reporter: ReporterIn | None = None
    channel: Channel = Channel.API
    priority: Priority = Priority.NORMAL

    def to_command(self) -> SubmitServiceRequest:
        return SubmitServiceRequest(
            service_code=self.service_code,
            description=self.description,
            location=LocationIn.located(self.location),
            attributes=dict(self.attributes),
            reporter=Reporter(**self.reporter.model_dump()) if self.reporter else Reporter(),
            channel=self.channel,
            priority=self.priority,
            internal_note=self.internal_note,
        )


class TransitionIn(Strict):
    to: Status
    reason: CloseReason | None = None
    note: Annotated[str, StringConstraints(max_length=4000)] | None = Field(
        default=None,
        description="Public: the note residents read with the new status (the status page, "
        "Open311 `status_notes`, their email), masked like every public text",
    )


class CommentIn(Strict):
    body: Annotated[str, StringConstraints(min_length=1, max_length=4000)]
    visibility: Visibility = Visibility.INTERNAL
    photo_ids: list[UUID] = Field(
        default_factory=list,
        max_length=10,
        description="Photos of this request (POST .../photos) to show with the comment",
    )


class RequestPatch(Strict):
    assignee_id: UUID | None = None
    priority: Priority | None = None
    department: Annotated[str, StringConstraints(max_length=64)] | None = None
    reason: Annotated[str, StringConstraints(max_length=1000)] | None = None
    external_id: Annotated[str, StringConstraints(max_length=200)] | None = Field(
        default=None, description="The id in the department's own system; null clears it"
    )


class LocationOut(BaseModel):
    lat: float | None
    long: float | None
    address: str | None
    hint: str | None = Field(
        default=None, description="The nearest known address when only a point was given"
    )
    zipcode: str | None = Field(
        default=None, description="From the address, or the address table near the point"
    )

    @classmethod
    def of(cls, r: ServiceRequest) -> "LocationOut":
        location = r.location
        return cls(
            lat=location.lat,
            long=location.long,
            address=location.address,
            hint=r.address_hint,
            zipcode=location.zipcode,
        )


class ReporterOut(BaseModel):
    first_name: str | None
    last_name: str | None
    email: str | None
    phone: str | None
    language: str | None

    @classmethod
    def of(cls, reporter: Reporter) -> "ReporterOut":
        return cls(**reporter.__dict__)


DUE_SOON = (
    "Open, not yet overdue, and past the point where escalation warns: by default 80% of the "
    "time from the request to its expected date (settings `escalation_due_soon_fraction` and "
    "`escalation_due_soon_hours`). A hold that pauses the SLA freezes it."
)
OVERDUE = "Open and past its expected date (a hold that pauses the SLA stops the clock)."


class ServiceRequestOut(BaseModel):
    id: str = Field(examples=["26-00000123"])
    service_code: str
    department: str
    status: Status
    close_reason: CloseReason | None
    description: str
    location: LocationOut
    attributes: dict[str, str | float | list[str]]
    reporter: ReporterOut
    resident_id: UUID | None
    channel: Channel
    priority: Priority
    assignee_id: UUID | None
    external_id: str | None
    requested_at: datetime
    updated_at: datetime
    expected_datetime: datetime | None
    due_soon: bool = Field(description=DUE_SOON)
    overdue: bool = Field(description=OVERDUE)
    closed_at: datetime | None
    areas: list[AreaRefOut]
    duplicate_of: str | None = Field(description="the request this one was merged into")
    version: int

    @classmethod
    def of(cls, r: ServiceRequest, standing: Standing) -> "ServiceRequestOut":
        """`standing`: EscalationPolicy.standing of the request at the time of the answer."""
        return cls(
            id=r.id,
            service_code=r.service_code,
            department=r.department_code,
            status=r.status,
            close_reason=r.close_reason,
            description=r.description,
            location=LocationOut.of(r),
            attributes=r.attributes,
            reporter=ReporterOut.of(r.reporter),
            resident_id=r.resident_id,
            channel=r.channel,
            priority=r.priority,
            assignee_id=r.assignee_id,
            external_id=r.external_id,
            requested_at=r.requested_at,
            updated_at=r.updated_at or r.requested_at,
            expected_datetime=r.expected_at,
            due_soon=standing is Standing.DUE_SOON,
            overdue=standing is Standing.OVERDUE,
            closed_at=r.closed_at,
            areas=[AreaRefOut.of(a) for a in r.areas],
            duplicate_of=r.duplicate_of,
            version=r.version,
        )


class LinkedRequestOut(BaseModel):
    """A linked request and its reporter, who follows the request it was merged into."""

    id: str
    status: Status
    channel: Channel
    requested_at: datetime
    reporter: ReporterOut

    @classmethod
    def of(cls, r: ServiceRequest) -> "LinkedRequestOut":
        return cls(
            id=r.id,
            status=r.status,
            channel=r.channel,
            requested_at=r.requested_at,
            reporter=ReporterOut.of(r.reporter),
        )


class LinkedRequests(BaseModel):
    duplicate_of: LinkedRequestOut | None = Field(
        description="The request this one was merged into"
    )
    duplicates: list[LinkedRequestOut] = Field(
        description="The requests merged into this one, directly or through a merged request, "
        "oldest first: their reporters follow this request"
    )


class RequestList(BaseModel):
    items: list[ServiceRequestOut]
    next_cursor: str | None


class ActorOut(BaseModel):
    id: UUID | None
    name: str


class TimelineEntryOut(BaseModel):
    kind: EntryKind
    at: datetime
    actor: ActorOut
    visibility: Visibility
    data: dict[str, str | None]

    @classmethod
    def of(cls, entry: TimelineEntry) -> "TimelineEntryOut":
        return cls(
            kind=entry.kind,
            at=entry.at,
            actor=ActorOut(id=entry.actor.user_id, name=entry.actor.name),
            visibility=entry.visibility,
            data={k: None if v is None else str(v) for k, v in entry.data.items()},
        )


class Timeline(BaseModel):
    items: list[TimelineEntryOut]

"""The ServiceRequest aggregate: it owns its lifecycle, its SLA clock and its timeline."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any
from uuid import UUID

from domain.directory.catalog import AttributeValue, SlaPolicy
from domain.jurisdictions.model import AreaRef
from domain.privacy.public_place import Place
from domain.residents.model import Reporter
from domain.shared.errors import Conflict, IllegalTransition, ValidationFailed
from domain.shared.sla import BusinessHours, Interval, expected_datetime
from domain.shared.vocabulary import Actor, Channel, Visibility

MAX_DESCRIPTION = 4000
MAX_EXTERNAL_ID = 200


class Status(StrEnum):
    NEW = "new"
    ACKNOWLEDGED = "acknowledged"
    IN_PROGRESS = "in_progress"
    ON_HOLD = "on_hold"
    CLOSED = "closed"


class CloseReason(StrEnum):
    RESOLVED = "resolved"
    NOT_RESOLVED = "not_resolved"
    DUPLICATE = "duplicate"
    REFERRED = "referred"
    CANCELLED = "cancelled"


class Priority(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class EntryKind(StrEnum):
    CREATED = "created"
    STATUS = "status"
    COMMENT = "comment"
    ASSIGNMENT = "assignment"
    TRANSFER = "transfer"
    PRIORITY = "priority"
    MERGE = "merge"


LIFECYCLE: dict[Status, frozenset[Status]] = {
    Status.NEW: frozenset({Status.ACKNOWLEDGED, Status.IN_PROGRESS, Status.CLOSED}),
    Status.ACKNOWLEDGED: frozenset({Status.IN_PROGRESS, Status.ON_HOLD, Status.CLOSED}),
    Status.IN_PROGRESS: frozenset({Status.ON_HOLD, Status.CLOSED}),
    Status.ON_HOLD: frozenset({Status.IN_PROGRESS, Status.CLOSED}),
    Status.CLOSED: frozenset({Status.IN_PROGRESS}),
}


@dataclass(frozen=True)
class Location:
    lat: float | None = None
    long: float | None = None
    address: str | None = None
    zipcode: str | None = None  # found from the address table, never asked for

    def __post_init__(self) -> None:
        if (self.lat is None) != (self.long is None):
            raise ValidationFailed.single("location", "lat and long go together")
        if self.lat is not None and not -90 <= self.lat <= 90:
            raise ValidationFailed.single("location.lat", "must be between -90 and 90")
        if self.long is not None and not -180 <= self.long <= 180:
            raise ValidationFailed.single("location.long", "must be between -180 and 180")

    @property
    def has_point(self) -> bool:
        return self.lat is not None


@dataclass(frozen=True)
class TimelineEntry:
    kind: EntryKind
    at: datetime
    actor: Actor
    visibility: Visibility
    data: dict[str, Any]


@dataclass
class ServiceRequest:
    id: str
    service_code: str
    department_code: str
    sla: SlaPolicy
    requested_at: datetime
    description: str = ""
    location: Location = field(default_factory=Location)
    attributes: dict[str, AttributeValue] = field(default_factory=dict)
    reporter: Reporter = field(default_factory=Reporter)
    channel: Channel = Channel.API
    priority: Priority = Priority.NORMAL
    status: Status = Status.NEW
    close_reason: CloseReason | None = None
    assignee_id: UUID | None = None
    external_id: str | None = None
    updated_at: datetime | None = None
    expected_at: datetime | None = None
    closed_at: datetime | None = None
    holds: list[Interval] = field(default_factory=list)
    on_hold_since: datetime | None = None
    areas: list[AreaRef] = field(default_factory=list)
    duplicate_of: str | None = None
    resident_id: UUID | None = None
    address_hint: str | None = None
    version: int = 1
    event_sequence: int = 0  # events published so far; the next one carries +1
    pending_entries: list[TimelineEntry] = field(default_factory=list, repr=False)

    @property
    def place(self) -> Place:
        """Where the request is, as recorded (staff see this; the public see `public_place`)."""
        location = self.location
        address = location.address or self.address_hint
        return Place(location.lat, location.long, address, location.zipcode)

    def record_submission(self, actor: Actor, hours: BusinessHours) -> None:
        """A new request: its description is bounded and its expected date comes from the SLA."""
        if len(self.description) > MAX_DESCRIPTION:
            raise ValidationFailed.single(
                "description", f"must be at most {MAX_DESCRIPTION} characters"
            )
        self.expected_at = self.compute_expected(hours)
        data = {"status": self.status.value, "channel": self.channel.value}
        self._record(EntryKind.CREATED, self.requested_at, actor, Visibility.PUBLIC, data)

    def compute_expected(self, hours: BusinessHours) -> datetime:
        holds = self.holds if self.sla.pauses_on_hold else []
        target = timedelta(hours=self.sla.target_hours)
        return expected_datetime(self.requested_at, target, self.sla.calendar, hours, holds)

    def transition(
        self,
        to: Status,
        actor: Actor,
        at: datetime,
        hours: BusinessHours,
        reason: CloseReason | None = None,
        note: str | None = None,
    ) -> None:
        """Move along the lifecycle table; closing needs a reason and a reopen needs a note.

        Reopening a merged request unlinks it from its parent.
        """
        if to not in LIFECYCLE[self.status]:
            raise IllegalTransition(f"a request cannot move from {self.status} to {to}")
        if to is Status.CLOSED and reason is None:
            raise ValidationFailed.single("reason", "closing a request needs a reason")
        if to is not Status.CLOSED and reason is not None:
            raise ValidationFailed.single("reason", "only closing takes a reason")
        reopening = self.status is Status.CLOSED
        if reopening and not (note and note.strip()):
            raise ValidationFailed.single("note", "reopening a request needs a note")
        previous = self.status
        self._leave_hold(at, hours)
        self.status = to
        self.on_hold_since = at if to is Status.ON_HOLD else None
        self.close_reason = reason
        self.closed_at = at if to is Status.CLOSED else None
        data: dict[str, Any] = {"from": previous.value, "to": to.value}
        if reason:
            data["reason"] = reason.value
        if note:
            data["note"] = note
        if reopening and self.duplicate_of is not None:
            data["was_duplicate_of"] = self.duplicate_of
            self.duplicate_of = None
        self._record(EntryKind.STATUS, at, actor, Visibility.PUBLIC, data)

    def merge_into(self, parent_id: str, actor: Actor, at: datetime, hours: BusinessHours) -> None:
        """Close as a duplicate of `parent_id` and link to it: the reporter follows the parent.

        Any status that can close can merge; a closed request must be reopened first.
        """
        if parent_id == self.id:
            raise ValidationFailed.single("into", "a request cannot be merged into itself")
        if self.status is Status.CLOSED:
            raise IllegalTransition("a closed request cannot be merged; reopen it first")
        self.transition(Status.CLOSED, actor, at, hours, reason=CloseReason.DUPLICATE)
        self.duplicate_of = parent_id
        self._record(EntryKind.MERGE, at, actor, Visibility.PUBLIC, {"into": parent_id})

    def absorb(self, duplicate_id: str, actor: Actor, at: datetime) -> None:
        """Take in a duplicate. Only an open request that is no duplicate itself can."""
        if self.duplicate_of is not None:
            raise Conflict(
                f"request {self.id} is itself a duplicate of {self.duplicate_of}; "
                f"merge into {self.duplicate_of}"
            )
        if self.status is Status.CLOSED:
            raise Conflict(f"request {self.id} is closed; merge into an open request")
        self._record(EntryKind.MERGE, at, actor, Visibility.PUBLIC, {"from": duplicate_id})

    def _leave_hold(self, at: datetime, hours: BusinessHours) -> None:
        if self.status is Status.ON_HOLD and self.on_hold_since is not None:
            self.holds = [*self.holds, Interval(self.on_hold_since, max(at, self.on_hold_since))]
            if self.sla.pauses_on_hold:
                self.expected_at = self.compute_expected(hours)

    def comment(
        self,
        body: str,
        visibility: Visibility,
        actor: Actor,
        at: datetime,
        photo_ids: Sequence[str] = (),
    ) -> None:
        """`photo_ids` are photos of this request shown with the comment (comma-separated)."""
        text = body.strip()
        if not text:
            raise ValidationFailed.single("body", "must not be empty")
        if len(text) > MAX_DESCRIPTION:
            raise ValidationFailed.single("body", f"must be at most {MAX_DESCRIPTION} characters")
        data = {"body": text, **({"photos": ",".join(photo_ids)} if photo_ids else {})}
        self._record(EntryKind.COMMENT, at, actor, visibility, data)

    def assign(self, assignee_id: UUID | None, actor: Actor, at: datetime) -> None:
        if assignee_id == self.assignee_id:
            return
        data = {"from": _str(self.assignee_id), "to": _str(assignee_id)}
        self.assignee_id = assignee_id
        self._record(EntryKind.ASSIGNMENT, at, actor, Visibility.INTERNAL, data)

    def transfer(self, department_code: str, reason: str, actor: Actor, at: datetime) -> None:
        """A transfer to another department carries a reason and clears the assignee."""
        if department_code == self.department_code:
            raise ValidationFailed.single("department", "the request is already there")
        if not reason.strip():
            raise ValidationFailed.single("reason", "a transfer needs a reason")
        data = {"from": self.department_code, "to": department_code, "reason": reason.strip()}
        self.department_code = department_code
        self.assignee_id = None
        self._record(EntryKind.TRANSFER, at, actor, Visibility.PUBLIC, data)

    def link_external(self, external_id: str | None, at: datetime) -> None:
        """The id of this request in the responsible department's own work-order system."""
        value = external_id.strip() if external_id else None
        if value is not None and not 0 < len(value) <= MAX_EXTERNAL_ID:
            raise ValidationFailed.single("external_id", f"must be 1-{MAX_EXTERNAL_ID} characters")
        if value != self.external_id:
            self.external_id = value
            self.updated_at = at

    def reprioritise(self, priority: Priority, actor: Actor, at: datetime) -> None:
        if priority is self.priority:
            return
        data = {"from": self.priority.value, "to": priority.value}
        self.priority = priority
        self._record(EntryKind.PRIORITY, at, actor, Visibility.INTERNAL, data)

    def _record(
        self,
        kind: EntryKind,
        at: datetime,
        actor: Actor,
        visibility: Visibility,
        data: dict[str, Any],
    ) -> None:
        self.pending_entries.append(TimelineEntry(kind, at, actor, visibility, data))
        self.updated_at = at


def _str(value: UUID | None) -> str | None:
    return None if value is None else str(value)

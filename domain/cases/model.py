"""A case is one contact with 311: a call, a chat, an email, a walk-in, a web or app report."""

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from domain.shared.errors import FieldError, ValidationFailed
from domain.shared.vocabulary import Channel


class CaseType(StrEnum):
    INFORMATION = "information"
    REFERRAL = "referral"
    SERVICE_REQUEST = "service_request"
    STATUS_INQUIRY = "status_inquiry"
    COMPLAINT = "complaint"
    PRAISE = "praise"
    OTHER = "other"


class ReferralTarget(StrEnum):
    EMERGENCY = "911"
    SOCIAL_SERVICES = "211"
    EXTERNAL = "external"


@dataclass(frozen=True)
class Referral:
    target: ReferralTarget
    agency: str | None = None
    phone: str | None = None
    url: str | None = None


@dataclass
class Case:
    id: UUID
    channel: Channel
    type: CaseType
    created_at: datetime
    language: str | None = None
    summary: str = ""
    notes: str = ""
    resident_id: UUID | None = None
    anonymous: bool = False
    article_ids: list[int] = field(default_factory=list)
    request_ids: list[str] = field(default_factory=list)
    referral: Referral | None = None
    department_code: str | None = None  # the department a complaint or praise is about
    resolved_on_first_contact: bool | None = None
    tags: list[str] = field(default_factory=list)
    call_id: str | None = None
    started_at: datetime | None = None
    ended_at: datetime | None = None
    agent_id: UUID | None = None
    agent_name: str | None = None
    updated_at: datetime | None = None
    in_inbox: bool = False  # an email or text waiting for an agent
    version: int = 1

    def check(self) -> None:
        """Anonymous contacts keep no resident; a referral names where; time runs forward."""
        errors: list[FieldError] = []
        if self.anonymous and self.resident_id is not None:
            errors.append(FieldError("resident", "an anonymous contact keeps no resident"))
        if self.type is CaseType.REFERRAL and self.referral is None:
            errors.append(FieldError("referral", "a referral contact says where it was referred"))
        if self.started_at and self.ended_at and self.ended_at < self.started_at:
            errors.append(FieldError("ended_at", "must not be before started_at"))
        if len(self.summary) > 1000:
            errors.append(FieldError("summary", "must be at most 1000 characters"))
        if len(self.notes) > 8000:
            errors.append(FieldError("notes", "must be at most 8000 characters"))
        if errors:
            raise ValidationFailed(errors)
        self.tags = list(dict.fromkeys(t.strip().lower() for t in self.tags if t.strip()))
        self.article_ids = list(dict.fromkeys(self.article_ids))
        self.request_ids = list(dict.fromkeys(self.request_ids))

    @property
    def handle_seconds(self) -> float | None:
        if self.started_at is None or self.ended_at is None:
            return None
        return (self.ended_at - self.started_at).total_seconds()

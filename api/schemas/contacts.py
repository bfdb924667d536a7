"""Bodies of the case (contact), resident and public look-up endpoints."""

from datetime import datetime
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, Field, StringConstraints, model_validator

from api.schemas.requests import Email, Language, Phone, RequestCreate, ShortText, Strict
from domain.cases.model import Case, CaseType, Referral, ReferralTarget
from domain.notifications.opt_out import OptOutSource
from domain.notifications.ports import OptOut
from domain.requests.model import ServiceRequest, Status
from domain.residents.model import ContactPreference, Resident
from domain.residents.use_cases import ResidentDetails
from domain.shared.vocabulary import Channel

Tag = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50)]
DepartmentCode = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)
]
ABOUT_DEPARTMENT = (
    "The department the contact is about (a complaint or praise): its staff see the contact"
)


class ResidentIn(Strict):
    first_name: ShortText | None = None
    last_name: ShortText | None = None
    phones: list[Phone] = Field(default_factory=list, max_length=5)
    emails: list[Email] = Field(default_factory=list, max_length=5)
    address: Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)] | None = None
    preferred_language: Language | None = None
    contact_preference: ContactPreference | None = Field(
        default=None,
        description="How the resident hears about their requests: `email`, `sms` (needs a "
        "phone) or `none` (opts out of every message). Left out: unchanged (`email` when new).",
    )

    def to_domain(self) -> ResidentDetails:
        return ResidentDetails(
            first_name=self.first_name,
            last_name=self.last_name,
            phones=tuple(self.phones),
            emails=tuple(self.emails),
            address=self.address,
            preferred_language=self.preferred_language,
            contact_preference=self.contact_preference,
        )


class ResidentOut(BaseModel):
    id: UUID
    first_name: str | None
    last_name: str | None
    phones: list[str]
    emails: list[str]
    address: str | None
    preferred_language: str | None
    contact_preference: ContactPreference
    created_at: datetime

    @classmethod
    def of(cls, r: Resident) -> "ResidentOut":
        return cls(
            id=r.id,
            first_name=r.first_name,
            last_name=r.last_name,
            phones=r.phones,
            emails=r.emails,
            address=r.address,
            preferred_language=r.preferred_language,
            contact_preference=r.contact_preference,
            created_at=r.created_at,
        )


class ResidentList(BaseModel):
    items: list[ResidentOut]


class ReferralBody(Strict):
    target: ReferralTarget
    agency: ShortText | None = None
    phone: Phone | None = None
    url: Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)] | None = None

    def to_domain(self) -> Referral:
        return Referral(self.target, self.agency, self.phone, self.url)

    @classmethod
    def of(cls, referral: Referral | None) -> "ReferralBody | None":
        if referral is None:
            return None
        return cls(
            target=referral.target, agency=referral.agency, phone=referral.phone, url=referral.url
        )


class CaseCreate(Strict):
    channel: Channel
    type: CaseType
    language: Language | None = None
    summary: Annotated[str, StringConstraints(max_length=1000)] = ""
    notes: Annotated[str, StringConstraints(max_length=8000)] = ""
    resident_id: UUID | None = None
    resident: ResidentIn | None = None
    anonymous: bool = False
    article_ids: list[Annotated[int, Field(ge=1, le=2**63 - 1)]] = Field(
        default_factory=list, max_length=20
    )
    request_ids: list[Annotated[str, StringConstraints(max_length=64)]] = Field(
        default_factory=list, max_length=20
    )
    requests: list[RequestCreate] = Field(default_factory=list, max_length=20)
    referral: ReferralBody | None = None
    department: DepartmentCode | None = Field(default=None, description=ABOUT_DEPARTMENT)
    resolved_on_first_contact: bool | None = None
    tags: list[Tag] = Field(default_factory=list, max_length=20)
    call_id: Annotated[str, StringConstraints(max_length=200)] | None = None
    started_at: datetime | None = None
    ended_at: datetime | None = None


class CasePatch(Strict):
    summary: Annotated[str, StringConstraints(max_length=1000)] | None = None
    notes: Annotated[str, StringConstraints(max_length=8000)] | None = None
    type: CaseType | None = None
    resolved_on_first_contact: bool | None = None
    referral: ReferralBody | None = None
    department: DepartmentCode | None = Field(default=None, description=ABOUT_DEPARTMENT)
    tags: list[Tag] | None = Field(default=None, max_length=20)
    ended_at: datetime | None = None
    article_ids: list[Annotated[int, Field(ge=1, le=2**63 - 1)]] | None = Field(
        default=None, max_length=20
    )
    request_ids: list[Annotated[str, StringConstraints(max_length=64)]] | None = Field(
        default=None, max_length=20
    )

    @model_validator(mode="after")
    def _nothing_null_but_referral(self) -> "CasePatch":
        nullable = {"referral", "department", "resolved_on_first_contact"}
        for name in self.model_fields_set - nullable:
            if getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self


class AgentOut(BaseModel):
    id: UUID | None
    name: str | None


class CaseOut(BaseModel):
    id: UUID
    channel: Channel
    type: CaseType
    language: str | None
    summary: str
    notes: str
    resident_id: UUID | None
    anonymous: bool
    article_ids: list[int]
    request_ids: list[str]
    referral: ReferralBody | None
    department: str | None = Field(description=ABOUT_DEPARTMENT)
    resolved_on_first_contact: bool | None
    tags: list[str]
    call_id: str | None
    started_at: datetime | None
    ended_at: datetime | None
    handle_seconds: float | None
    agent: AgentOut
    created_at: datetime
    updated_at: datetime
    version: int

    @classmethod
    def of(cls, c: Case) -> "CaseOut":
        return cls(
            id=c.id,
            channel=c.channel,
            type=c.type,
            language=c.language,
            summary=c.summary,
            notes=c.notes,
            resident_id=c.resident_id,
            anonymous=c.anonymous,
            article_ids=c.article_ids,
            request_ids=c.request_ids,
            referral=ReferralBody.of(c.referral),
            department=c.department_code,
            resolved_on_first_contact=c.resolved_on_first_contact,
            tags=c.tags,
            call_id=c.call_id,
            started_at=c.started_at,
            ended_at=c.ended_at,
            handle_seconds=c.handle_seconds,
            agent=AgentOut(id=c.agent_id, name=c.agent_name),
            created_at=c.created_at,
            updated_at=c.updated_at or c.created_at,
            version=c.version,
        )


class CaseList(BaseModel):
    items: list[CaseOut]


class RequestBrief(BaseModel):
    """What a resident may see of a request: nothing personal."""

    id: str
    service_code: str
    status: Status
    open: bool
    requested_at: datetime
    updated_at: datetime
    expected_datetime: datetime | None
    closed_at: datetime | None

    @classmethod
    def of(cls, r: ServiceRequest) -> "RequestBrief":
        return cls(
            id=r.id,
            service_code=r.service_code,
            status=r.status,
            open=r.status is not Status.CLOSED,
            requested_at=r.requested_at,
            updated_at=r.updated_at or r.requested_at,
            expected_datetime=r.expected_at,
            closed_at=r.closed_at,
        )


class EmailOptOutOut(BaseModel):
    """One of the resident's addresses that gets no resident email."""

    address: str
    opted_out_at: datetime
    source: OptOutSource = Field(
        description="`link`: the button on the unsubscribe page; `one-click`: the mail client's "
        "RFC 8058 one-click unsubscribe"
    )

    @classmethod
    def of(cls, o: OptOut) -> "EmailOptOutOut":
        return cls(address=o.address, opted_out_at=o.opted_out_at, source=OptOutSource(o.source))


class SmsOptOutOut(BaseModel):
    """One of the resident's phones that texted STOP: it gets no text until it texts START."""

    phone: str = Field(description="As written in the resident's `phones`")
    opted_out_at: datetime


class ResidentHistoryOut(ResidentOut):
    email_opt_outs: list[EmailOptOutOut] = Field(
        description="The resident's addresses that opted out of resident emails, in the order "
        "of `emails`; `DELETE .../email-opt-outs/{address}` turns emails back on"
    )
    sms_opt_outs: list[SmsOptOutOut] = Field(
        default_factory=list,
        description="The resident's phones that texted STOP, in the order of `phones`; only "
        "the resident turns texts back on, by texting START",
    )
    cases: list[CaseOut]
    requests: list[RequestBrief]


class LookupIn(Strict):
    email: Email | None = None
    phone: Phone | None = None
    last_name: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)
    ]

    @model_validator(mode="after")
    def _email_or_phone(self) -> "LookupIn":
        if not self.email and not self.phone:
            raise ValueError("give the email or the phone number used on the request")
        return self


class LookupOut(BaseModel):
    items: list[RequestBrief]

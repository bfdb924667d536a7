"""Logging contacts. One case is one contact; it may open several requests at once."""

from dataclasses import dataclass, field, replace
from datetime import datetime
from uuid import UUID, uuid4

from domain.addresses.ports import Geocoder
from domain.cases.model import Case, CaseType, Referral
from domain.contacts.ports import ContactsUnitOfWork
from domain.directory.permissions import CALL_CENTER, Principal
from domain.jurisdictions.ports import JurisdictionResolver
from domain.requests.use_cases import SubmitServiceRequest, open_request
from domain.residents.model import Reporter, Resident
from domain.residents.use_cases import ResidentDetails, find_or_create
from domain.shared.context import Context
from domain.shared.errors import (
    FieldError,
    Forbidden,
    NotFound,
    PreconditionFailed,
    PreconditionRequired,
    ValidationFailed,
)
from domain.shared.events import Event, EventType
from domain.shared.sla import BusinessHours
from domain.shared.vocabulary import Channel

MAX_FAN_OUT = 20


@dataclass(frozen=True)
class LogCase:
    channel: Channel
    type: CaseType
    language: str | None = None
    summary: str = ""
    notes: str = ""
    resident_id: UUID | None = None
    new_resident: ResidentDetails | None = None
    anonymous: bool = False
    article_ids: tuple[int, ...] = ()
    request_ids: tuple[str, ...] = ()
    requests: tuple[SubmitServiceRequest, ...] = ()
    referral: Referral | None = None
    department_code: str | None = None
    resolved_on_first_contact: bool | None = None
    tags: tuple[str, ...] = ()
    call_id: str | None = None
    started_at: datetime | None = None
    ended_at: datetime | None = None


def require_case_writer(principal: Principal) -> None:
    if principal.role not in CALL_CENTER:
        raise Forbidden("only agents and supervisors log contacts")


async def log_case(
    context: Context[ContactsUnitOfWork],
    command: LogCase,
    principal: Principal,
    *,
    hours: BusinessHours,
    jurisdictions: JurisdictionResolver,
    geocoder: Geocoder,
) -> Case:
    """Record a contact.

    - Agents, supervisors and admins log contacts.
    - The caller is an existing resident, a new one given inline (matched by email or phone
      first), or nobody; an anonymous contact stores no personal data at all.
    - `requests` are opened in the same transaction: if any one fails, nothing is created.
      They take the caller's details as reporter unless the body gives its own.
    - `request_ids` link existing requests (follow-ups, status inquiries).
    - `article_ids` are the knowledge articles the answer came from; each counts a use.
    - `department` names the department the contact is about (a complaint or praise): that
      department's staff then see it.
    """
    require_case_writer(principal)
    _check_shape(command)
    now = context.clock.now()
    async with context.uow() as uow:
        resident = await _caller(uow, command, now)
        linked = await _existing_requests(uow, command.request_ids, principal)
        await count_articles_used(uow, command.article_ids)
        await _check_department(uow, command.department_code)
        opened = await _fan_out(
            context,
            uow,
            command,
            resident,
            principal,
            hours=hours,
            jurisdictions=jurisdictions,
            geocoder=geocoder,
        )
        case = _build(command, resident, [*linked, *opened], principal, now)
        case.check()
        await uow.cases.add(case)
        await uow.events.publish(case_created(case))
        await uow.commit()
    return case


def case_created(case: Case) -> Event:
    """Public facts only: no resident, no notes (they may quote the caller)."""
    data: dict[str, object] = {
        "channel": case.channel.value,
        "type": case.type.value,
        "request_ids": list(case.request_ids),
        "language": case.language,
    }
    return Event(EventType.CASE_CREATED, str(case.id), case.created_at, data=data)


def _check_shape(command: LogCase) -> None:
    errors: list[FieldError] = []
    if command.anonymous and (command.resident_id or command.new_resident):
        errors.append(FieldError("anonymous", "an anonymous contact names no resident"))
    if command.resident_id and command.new_resident:
        errors.append(FieldError("resident", "give a resident id or a new resident, not both"))
    if len(command.requests) > MAX_FAN_OUT:
        errors.append(FieldError("requests", f"at most {MAX_FAN_OUT} requests per contact"))
    if errors:
        raise ValidationFailed(errors)


async def _caller(uow: ContactsUnitOfWork, command: LogCase, now: datetime) -> Resident | None:
    if command.resident_id is not None:
        resident = await uow.residents.get(command.resident_id)
        if resident is None:
            raise ValidationFailed.single("resident", "is not a known resident")
        return resident
    if command.new_resident is not None:
        return await find_or_create(uow, command.new_resident, now)
    return None


async def _existing_requests(
    uow: ContactsUnitOfWork, request_ids: tuple[str, ...], principal: Principal
) -> list[str]:
    for request_id in request_ids:
        request = await uow.requests.get(request_id)
        if request is None or not principal.can_see(request.department_code):
            raise ValidationFailed.single("request_ids", f"{request_id} is not a known request")
    return list(request_ids)


async def _check_department(uow: ContactsUnitOfWork, department_code: str | None) -> None:
    if department_code is not None and await uow.departments.get(department_code) is None:
        raise ValidationFailed.single("department", f"{department_code} is not a department")


async def count_articles_used(uow: ContactsUnitOfWork, article_ids: tuple[int, ...]) -> None:
    """The articles an agent answered from must exist; each counts one more use."""
    for article_id in dict.fromkeys(article_ids):
        if await uow.articles.get(article_id) is None:
            raise ValidationFailed.single("article_ids", f"{article_id} is not a known article")
        await uow.articles.count_use(article_id)


def reporter_from(resident: Resident | None, language: str | None) -> Reporter:
    if resident is None:
        return Reporter(language=language)
    return Reporter(
        first_name=resident.first_name,
        last_name=resident.last_name,
        email=resident.emails[0] if resident.emails else None,
        phone=resident.phones[0] if resident.phones else None,
        language=resident.preferred_language or language,
    )


async def _fan_out(
    context: Context[ContactsUnitOfWork],
    uow: ContactsUnitOfWork,
    command: LogCase,
    resident: Resident | None,
    principal: Principal,
    *,
    hours: BusinessHours,
    jurisdictions: JurisdictionResolver,
    geocoder: Geocoder,
) -> list[str]:
    opened: list[str] = []
    for index, body in enumerate(command.requests):
        if command.anonymous:
            body = replace(body, reporter=Reporter(language=body.reporter.language))
        elif body.reporter.is_anonymous:
            body = replace(body, reporter=reporter_from(resident, command.language))
        body = replace(body, channel=command.channel)
        try:
            request = await open_request(
                context,
                uow,
                body,
                principal.actor,
                hours=hours,
                jurisdictions=jurisdictions,
                geocoder=geocoder,
                contact=False,
                resident_id=resident.id if resident else None,
            )
        except ValidationFailed as failure:
            raise ValidationFailed(
                [FieldError(f"requests[{index}].{e.field}", e.message) for e in failure.errors]
            ) from None
        opened.append(request.id)
    return opened


def _build(
    command: LogCase,
    resident: Resident | None,
    request_ids: list[str],
    principal: Principal,
    now: datetime,
) -> Case:
    return Case(
        id=uuid4(),
        channel=command.channel,
        type=command.type,
        created_at=now,
        updated_at=now,
        language=command.language,
        summary=command.summary.strip(),
        notes=command.notes.strip(),
        resident_id=resident.id if resident else None,
        anonymous=command.anonymous,
        article_ids=list(command.article_ids),
        request_ids=request_ids,
        referral=command.referral,
        department_code=command.department_code,
        resolved_on_first_contact=command.resolved_on_first_contact,
        tags=list(command.tags),
        call_id=command.call_id,
        started_at=command.started_at,
        ended_at=command.ended_at,
        agent_id=principal.user_id,
        agent_name=principal.name,
    )


@dataclass(frozen=True)
class UpdateCase:
    case_id: UUID
    if_match: int | None
    summary: str | None = None
    notes: str | None = None
    type: CaseType | None = None
    resolved_on_first_contact: bool | None = None
    referral: Referral | None = None
    department_code: str | None = None
    tags: tuple[str, ...] | None = None
    ended_at: datetime | None = None
    article_ids: tuple[int, ...] | None = None
    request_ids: tuple[str, ...] | None = None
    changed: frozenset[str] = field(default_factory=frozenset)


async def update_case(
    context: Context[ContactsUnitOfWork], command: UpdateCase, principal: Principal
) -> Case:
    """Agents finish the record after the call: outcome, notes, tags, end time, and the
    department a complaint or praise is about."""
    require_case_writer(principal)
    async with context.uow() as uow:
        case = await uow.cases.get(command.case_id, for_update=True)
        if case is None:
            raise NotFound(f"case {command.case_id} was not found")
        if command.if_match is None:
            raise PreconditionRequired("send If-Match with the ETag of the case you read")
        if command.if_match != case.version:
            raise PreconditionFailed("the case was changed by someone else; read it again")
        _apply(case, command)
        if command.request_ids is not None:
            await _existing_requests(uow, command.request_ids, principal)
        if "department_code" in command.changed:
            await _check_department(uow, command.department_code)
        case.updated_at = context.clock.now()
        case.check()
        await uow.cases.save(case, expected_version=command.if_match)
        await uow.commit()
    return case


def _apply(case: Case, command: UpdateCase) -> None:
    for name in command.changed:
        value = getattr(command, name)
        if isinstance(value, tuple):
            value = list(value)
        setattr(case, name, value)

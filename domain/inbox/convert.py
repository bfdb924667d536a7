"""Taking a case out of the Inbox: as a service request, or closed as an information contact."""

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Protocol
from uuid import UUID

from domain.addresses.ports import Geocoder
from domain.cases.model import Case, CaseType, Referral
from domain.contacts.use_cases import count_articles_used, reporter_from, require_case_writer
from domain.directory.permissions import Principal
from domain.inbox.model import Direction, Message, MessageChannel
from domain.inbox.ports import InboxUnitOfWork
from domain.jurisdictions.ports import JurisdictionResolver
from domain.media.ports import PhotoRepository
from domain.requests.model import ServiceRequest
from domain.requests.use_cases import SubmitServiceRequest, open_request
from domain.residents.model import Reporter
from domain.shared.context import Context
from domain.shared.errors import Conflict, NotFound, PreconditionFailed, ValidationFailed
from domain.shared.sla import BusinessHours

CLOSING_TYPES = frozenset({CaseType.INFORMATION, CaseType.REFERRAL, CaseType.OTHER})


class InboxDeskUnitOfWork(InboxUnitOfWork, Protocol):
    """Turning an email into a request also hands its photos to the request."""

    photos: PhotoRepository


@dataclass(frozen=True)
class TurnIntoRequest:
    case_id: UUID
    request: SubmitServiceRequest  # reporter and channel come from the case
    if_match: int | None = None


@dataclass(frozen=True)
class Turned:
    case: Case
    request: ServiceRequest


async def turn_into_request(
    context: Context[InboxDeskUnitOfWork],
    command: TurnIntoRequest,
    principal: Principal,
    *,
    hours: BusinessHours,
    jurisdictions: JurisdictionResolver,
    geocoder: Geocoder,
) -> Turned:
    """Open a service request from a message in the Inbox.

    - The case must be in the Inbox (else 409: someone already handled it).
    - The request is opened as a logged contact's is (`open_request`): the reporter is the
      linked resident, else the sender's email or phone; its channel is the case's.
    - The request is linked to the case, whose type becomes `service_request`, and so is the
      resident it found or registered; the case leaves the Inbox. The photos that came
      with the messages go to the request.
    """
    require_case_writer(principal)
    async with context.uow() as uow:
        case = await _inbox_case(uow, command.case_id, command.if_match)
        messages = await uow.messages.of_case(case.id)
        body = replace(
            command.request,
            channel=case.channel,
            reporter=await _reporter(uow, case, messages),
        )
        request = await open_request(
            context,
            uow,
            body,
            principal.actor,
            hours=hours,
            jurisdictions=jurisdictions,
            geocoder=geocoder,
            contact=False,
            resident_id=case.resident_id,
        )
        for photo_id in _photos(messages):
            await uow.photos.attach(photo_id, request.id)
        expected = case.version
        case.request_ids = [*case.request_ids, request.id]
        case.resident_id = case.resident_id or request.resident_id
        _leave_inbox(case, CaseType.SERVICE_REQUEST, principal, context.clock.now())
        case.check()
        await uow.cases.save(case, expected)
        await uow.commit()
    return Turned(case, request)


@dataclass(frozen=True)
class CloseAsInformation:
    case_id: UUID
    type: CaseType = CaseType.INFORMATION
    article_ids: tuple[int, ...] = ()
    resolved_on_first_contact: bool | None = None
    referral: Referral | None = None
    if_match: int | None = None


async def close_as_information(
    context: Context[InboxUnitOfWork], command: CloseAsInformation, principal: Principal
) -> Case:
    """Close a case of the Inbox without a request: an answer (`information`, with the
    articles it came from, each counting one use), a `referral` (saying where), or `other`.
    The case must be in the Inbox (else 409); it leaves it."""
    require_case_writer(principal)
    if command.type not in CLOSING_TYPES:
        raise ValidationFailed.single("type", "must be information, referral or other")
    async with context.uow() as uow:
        case = await _inbox_case(uow, command.case_id, command.if_match)
        await count_articles_used(uow, command.article_ids)
        expected = case.version
        case.article_ids = [*case.article_ids, *command.article_ids]
        case.referral = command.referral if command.type is CaseType.REFERRAL else None
        case.resolved_on_first_contact = command.resolved_on_first_contact
        _leave_inbox(case, command.type, principal, context.clock.now())
        case.check()
        await uow.cases.save(case, expected)
        await uow.commit()
    return case


async def _inbox_case(uow: InboxUnitOfWork, case_id: UUID, if_match: int | None) -> Case:
    case = await uow.cases.get(case_id, for_update=True)
    if case is None:
        raise NotFound(f"case {case_id} was not found")
    if if_match is not None and if_match != case.version:
        raise PreconditionFailed("the case was changed by someone else; read it again")
    if not case.in_inbox:
        raise Conflict(f"case {case_id} is not in the Inbox: it was already handled")
    return case


def _leave_inbox(case: Case, type_: CaseType, principal: Principal, now: datetime) -> None:
    case.type = type_
    case.in_inbox = False
    # a message stamped by a clock ahead of ours must not end the contact before it began
    case.ended_at = max(now, case.started_at) if case.started_at else now
    case.updated_at = now
    case.agent_id, case.agent_name = principal.user_id, principal.name


async def _reporter(uow: InboxUnitOfWork, case: Case, messages: list[Message]) -> Reporter:
    """The linked resident; else whoever wrote, by the address they wrote from."""
    if case.resident_id is not None:
        return reporter_from(await uow.residents.get(case.resident_id), case.language)
    sender = next((m for m in reversed(messages) if m.direction is Direction.IN), None)
    if sender is None:
        return Reporter(language=case.language)
    if sender.channel is MessageChannel.EMAIL:
        return Reporter(email=sender.address, language=case.language)
    return Reporter(phone=sender.address, language=case.language)


def _photos(messages: list[Message]) -> list[UUID]:
    return [
        a.photo_id
        for m in messages
        if m.direction is Direction.IN
        for a in m.attachments
        if a.photo_id is not None and a.refused is None
    ]

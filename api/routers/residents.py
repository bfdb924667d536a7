from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Query, Response, status

from api.deps import ContainerDep, PrincipalDep
from api.problems import problem_responses
from api.schemas.contacts import (
    CaseOut,
    EmailOptOutOut,
    RequestBrief,
    ResidentHistoryOut,
    ResidentIn,
    ResidentList,
    ResidentOut,
    SmsOptOutOut,
)
from api.schemas.privacy import ErasureOut
from domain.notifications.opt_out import lift_opt_out
from domain.notifications.ports import OptOutList
from domain.residents.erasure import erase_resident
from domain.residents.model import phone_digits
from domain.residents.use_cases import (
    create_resident,
    require_resident_access,
    update_resident,
)
from domain.shared.errors import NotFound

router = APIRouter(prefix="/api/v1/residents", tags=["residents"])


@router.post(
    "",
    response_model=ResidentOut,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(400, 401, 403, 413, 422),
)
async def add_resident(
    body: ResidentIn, container: ContainerDep, principal: PrincipalDep
) -> ResidentOut:
    resident = await create_resident(container.context, body.to_domain(), principal)
    return ResidentOut.of(resident)


@router.get("", response_model=ResidentList, responses=problem_responses(401, 403, 422))
async def search_residents(
    container: ContainerDep,
    principal: PrincipalDep,
    q: Annotated[str, Query(min_length=2, max_length=200)],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> ResidentList:
    """By name (accents and case ignored), phone (digits), email or address."""
    require_resident_access(principal)
    found = await container.contacts.search_residents(q, limit)
    return ResidentList(items=[ResidentOut.of(r) for r in found])


@router.get(
    "/{resident_id}",
    response_model=ResidentHistoryOut,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_resident(
    resident_id: UUID, container: ContainerDep, principal: PrincipalDep
) -> ResidentHistoryOut:
    """The resident with their contacts and requests, newest first, which of their
    addresses opted out of resident emails (since when, and how), and which of their phones
    texted STOP."""
    require_resident_access(principal)
    history = await container.contacts.history(resident_id)
    if history is None:
        raise NotFound(f"resident {resident_id} was not found")
    base = ResidentOut.of(history.resident)
    opted_out = await container.opt_outs.status_of(history.resident.emails)
    return ResidentHistoryOut(
        **base.model_dump(),
        email_opt_outs=[
            EmailOptOutOut.of(opted_out[e]) for e in history.resident.emails if e in opted_out
        ],
        sms_opt_outs=await _stopped_phones(container.sms_opt_outs, history.resident.phones),
        cases=[CaseOut.of(c) for c in history.cases],
        requests=[RequestBrief.of(r) for r in history.requests],
    )


async def _stopped_phones(opt_outs: OptOutList, phones: list[str]) -> list[SmsOptOutOut]:
    listed = await opt_outs.status_of([phone_digits(p) for p in phones])
    return [
        SmsOptOutOut(phone=p, opted_out_at=listed[phone_digits(p)].opted_out_at)
        for p in phones
        if phone_digits(p) in listed
    ]


@router.patch(
    "/{resident_id}",
    response_model=ResidentOut,
    responses=problem_responses(400, 401, 403, 404, 413, 422),
)
async def change_resident(
    resident_id: UUID, body: ResidentIn, container: ContainerDep, principal: PrincipalDep
) -> ResidentOut:
    """Replace the resident's details and contact preferences."""
    resident = await update_resident(container.context, resident_id, body.to_domain(), principal)
    return ResidentOut.of(resident)


@router.delete(
    "/{resident_id}/email-opt-outs/{address}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=problem_responses(401, 403, 404, 422),
)
async def turn_emails_back_on(
    resident_id: UUID,
    address: Annotated[str, Path(min_length=3, max_length=320)],
    container: ContainerDep,
    principal: PrincipalDep,
) -> Response:
    """At the resident's request, lift the opt-out of one of their addresses: resident emails
    go to it again. 404 when the address is not the resident's or has not opted out."""
    await lift_opt_out(
        container.context, resident_id, address, principal, opt_outs=container.opt_outs
    )
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/{resident_id}/erasure",
    response_model=ErasureOut,
    responses=problem_responses(401, 403, 404, 422),
)
async def erase_resident_data(
    resident_id: UUID, container: ContainerDep, principal: PrincipalDep
) -> ErasureOut:
    """At the resident's request, erase their personal data everywhere at once: the resident
    record (names, emails, phones, address), the reporter details and the emails, phone
    numbers and names in the text of all their requests and contacts, their emails and texts,
    their follows and survey comments. The facts stay for statistics, and so do their email
    and text opt-outs (the suppression list that keeps them uncontacted). Each of their
    requests gets an internal timeline entry saying so. The erased resident is no longer
    found by name, email or phone. Supervisors and administrators only; cannot be undone."""
    erased = await erase_resident(container.eraser, container.clock, resident_id, principal)
    return ErasureOut.of(erased)

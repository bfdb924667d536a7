from datetime import datetime
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Response, status

from api.deps import ContainerDep, IfMatchDep, PersonDep, PrincipalDep, etag_of
from api.problems import problem_responses
from api.schemas.contacts import CaseCreate, CaseList, CaseOut, CasePatch
from domain.cases.model import CaseType
from domain.cases.queries import CaseFilter
from domain.contacts.use_cases import LogCase, UpdateCase, log_case, update_case
from domain.shared.errors import NotFound
from domain.shared.vocabulary import Channel

router = APIRouter(prefix="/api/v1/cases", tags=["cases"])
RENAMED = {"department": "department_code"}  # body field -> UpdateCase field


def _answer(case: CaseOut, response: Response) -> CaseOut:
    response.headers["ETag"] = etag_of(case.version)
    return case


@router.post(
    "",
    response_model=CaseOut,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(400, 401, 403, 413, 422),
)
async def create_case(
    body: CaseCreate, container: ContainerDep, principal: PrincipalDep, response: Response
) -> CaseOut:
    """Log one contact. `requests` opens new requests in the same transaction (all or none);
    the answer's `request_ids` holds the linked requests and the new ones."""
    command = LogCase(
        channel=body.channel,
        type=body.type,
        language=body.language,
        summary=body.summary,
        notes=body.notes,
        resident_id=body.resident_id,
        new_resident=body.resident.to_domain() if body.resident else None,
        anonymous=body.anonymous,
        article_ids=tuple(body.article_ids),
        request_ids=tuple(body.request_ids),
        requests=tuple(r.to_command() for r in body.requests),
        referral=body.referral.to_domain() if body.referral else None,
        department_code=body.department,
        resolved_on_first_contact=body.resolved_on_first_contact,
        tags=tuple(body.tags),
        call_id=body.call_id,
        started_at=body.started_at,
        ended_at=body.ended_at,
    )
    case = await log_case(
        container.context,
        command,
        principal,
        hours=container.hours,
        jurisdictions=container.jurisdictions,
        geocoder=container.geocoder,
    )
    response.headers["Location"] = f"/api/v1/cases/{case.id}"
    return _answer(CaseOut.of(case), response)


@router.get("", response_model=CaseList, responses=problem_responses(401, 403, 422))
async def list_cases(
    container: ContainerDep,
    principal: PersonDep,
    channel: Channel | None = None,
    type: Annotated[list[CaseType] | None, Query(max_length=7)] = None,
    department: Annotated[
        str | None, Query(max_length=64, description="Only contacts about this department")
    ] = None,
    tag: Annotated[str | None, Query(max_length=50)] = None,
    agent: UUID | None = None,
    resident: UUID | None = None,
    created_from: datetime | None = None,
    created_to: datetime | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> CaseList:
    """Newest first. Department staff see the contacts about their department: those linked to
    its requests, and those that name it (complaints and praise). `type` may repeat."""
    cases = await container.contacts.cases(
        CaseFilter(
            channel=channel,
            types=tuple(type or ()),
            about=department,
            tag=tag,
            agent_id=agent,
            resident_id=resident,
            created_from=created_from,
            created_to=created_to,
            department=principal.visible_department(),
            limit=limit,
            offset=offset,
        )
    )
    return CaseList(items=[CaseOut.of(c) for c in cases])


@router.get("/{case_id}", response_model=CaseOut, responses=problem_responses(401, 403, 404, 422))
async def get_case(
    case_id: UUID, container: ContainerDep, principal: PersonDep, response: Response
) -> CaseOut:
    department = principal.visible_department()
    case = await container.contacts.case(case_id, department)
    if case is None:
        raise NotFound(f"case {case_id} was not found")
    return _answer(CaseOut.of(case), response)


@router.patch(
    "/{case_id}",
    response_model=CaseOut,
    responses=problem_responses(400, 401, 403, 404, 409, 412, 413, 422, 428),
)
async def change_case(
    case_id: UUID,
    body: CasePatch,
    container: ContainerDep,
    principal: PrincipalDep,
    if_match: IfMatchDep,
    response: Response,
) -> CaseOut:
    """Complete the record after the contact: outcome, notes, tags, end time (If-Match)."""
    changed = frozenset(RENAMED.get(name, name) for name in body.model_fields_set)
    command = UpdateCase(
        case_id=case_id,
        if_match=if_match,
        summary=body.summary,
        notes=body.notes,
        type=body.type,
        resolved_on_first_contact=body.resolved_on_first_contact,
        referral=body.referral.to_domain() if body.referral else None,
        department_code=body.department,
        tags=tuple(body.tags) if body.tags is not None else None,
        ended_at=body.ended_at,
        article_ids=tuple(body.article_ids) if body.article_ids is not None else None,
        request_ids=tuple(body.request_ids) if body.request_ids is not None else None,
        changed=changed,
    )
    return _answer(CaseOut.of(await update_case(container.context, command, principal)), response)

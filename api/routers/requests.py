from typing import Annotated

from fastapi import APIRouter, Header, Query, Response, status

from api.bootstrap import Container
from api.conditional import NOT_MODIFIED, ConditionalGetDep
from api.deps import ContainerDep, IfMatchDep, PrincipalDep, etag_of
from api.problems import problem_responses
from api.request_filters import RequestListQueryDep
from api.schemas.duplicates import DuplicateList, MergeIn, ServiceRequestCreated
from api.schemas.requests import (
    CommentIn,
    LinkedRequestOut,
    LinkedRequests,
    RequestCreate,
    RequestList,
    RequestPatch,
    ServiceRequestOut,
    Timeline,
    TimelineEntryOut,
    TransitionIn,
)
from domain.directory.catalog import MAX_RADIUS_M, Service
from domain.directory.permissions import Principal
from domain.requests.duplicates import Match, Probe
from domain.requests.model import ServiceRequest
from domain.requests.nearby import around_query, candidates_query
from domain.requests.queries import RequestStamp
from domain.requests.use_cases import (
    CommentOnRequest,
    MergeRequest,
    TransitionRequest,
    UpdateRequest,
    comment_on_request,
    merge_request,
    submit_service_request,
    transition_request,
    update_request,
)
from domain.requests.visibility import seen_by, stamp_seen_by
from domain.shared.errors import ValidationFailed

router = APIRouter(prefix="/api/v1/requests", tags=["requests"])

WRITE_ERRORS = problem_responses(400, 401, 403, 404, 409, 412, 413, 422, 428)
MAX_ID_LENGTH = 64
Latitude = Annotated[float, Query(ge=-90, le=90, allow_inf_nan=False)]
Longitude = Annotated[float, Query(ge=-180, le=180, allow_inf_nan=False)]


def _out(container: Container, requests: list[ServiceRequest]) -> list[ServiceRequestOut]:
    """Each request with its standing, all read at one instant."""
    now = container.clock.now()
    return [ServiceRequestOut.of(r, container.escalation.standing(r, now)) for r in requests]


def _answer(container: Container, request: ServiceRequest, response: Response) -> ServiceRequestOut:
    response.headers["ETag"] = etag_of(request.version)
    return _out(container, [request])[0]


@router.post(
    "",
    response_model=ServiceRequestCreated,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(400, 401, 403, 413, 422),
)
async def create_request(
    body: RequestCreate, container: ContainerDep, principal: PrincipalDep, response: Response
) -> ServiceRequestCreated:
    """Log a service request for a caller. The answer carries the reference and expected date,
    and the open requests it may repeat (`possible_duplicates`, when it has a point)."""
    command = body.to_command()
    submitted = await submit_service_request(
        container.context,
        command,
        principal,
        principal.actor,
        hours=container.hours,
        jurisdictions=container.jurisdictions,
        geocoder=container.geocoder,
    )
    request = submitted.request
    response.headers["Location"] = f"/api/v1/requests/{request.id}"
    response.headers["ETag"] = etag_of(request.version)
    standing = container.escalation.standing(request, container.clock.now())
    return ServiceRequestCreated.of_new(request, standing, submitted.possible_duplicates)


@router.get(
    "", response_model=RequestList, responses={**NOT_MODIFIED, **problem_responses(401, 422)}
)
async def list_requests(
    container: ContainerDep,
    principal: PrincipalDep,
    conditional: ConditionalGetDep,
    query: RequestListQueryDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
) -> RequestList | Response:
    """Newest first. Staff see their own department's requests only.

    With a change cursor in `updated_after` the list is the change feed instead (the other
    filters are not applied): the requests changed since that cursor, oldest change first."""
    if query.change_cursor is not None:
        department = principal.visible_department()
        feed = await container.changes.page(query.change_cursor, limit, department)
        return RequestList(items=_out(container, feed.items), next_cursor=feed.next_cursor)
    f = query.filter(principal, container.clock.now(), container.escalation, limit, cursor)
    page = await container.requests.page(f)
    items = _out(container, page.items)
    return conditional.answer(RequestList(items=items, next_cursor=page.next_cursor))


async def _service(container: Container, code: str) -> Service:
    service = await container.catalog.service(code)
    if service is None:
        raise ValidationFailed.single("service_code", "is not a known service")
    return service


@router.get("/nearby", response_model=DuplicateList, responses=problem_responses(401, 422))
async def nearby_requests(
    container: ContainerDep,
    principal: PrincipalDep,
    lat: Latitude,
    long: Longitude,
    service_code: Annotated[str, Query(min_length=1, max_length=64)],
    radius_m: Annotated[float | None, Query(gt=0, le=MAX_RADIUS_M, allow_inf_nan=False)] = None,
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> DuplicateList:
    """Open requests of this service, or of its group, around a point: check before creating.

    Every request within the radius (the service's own, 150 m by default) reported in the last
    30 days is listed, nearest and newest first by score. Staff see their department's only.
    """
    service = await _service(container, service_code)
    radius = radius_m if radius_m is not None else service.duplicate_radius_m
    probe = Probe(lat, long, service.code)
    now, visible = container.clock.now(), principal.visible_department()
    query = around_query(probe, radius, now, limit, visible)
    return DuplicateList.of(await container.duplicates.nearby(query))


async def _duplicates_of(
    container: Container, principal: Principal, request: ServiceRequest
) -> list[Match[ServiceRequest]]:
    """Candidates scored above the default threshold; none for a request without a point."""
    if request.location.lat is None or request.location.long is None:
        return []
    service = await _service(container, request.service_code)
    visible = principal.visible_department()
    query = candidates_query(request, service.duplicate_radius_m, visible)
    return [] if query is None else await container.duplicates.nearby(query)


async def _visible(
    container: ContainerDep, principal: Principal, request_id: str
) -> ServiceRequest:
    request = None
    if len(request_id) <= MAX_ID_LENGTH and "\x00" not in request_id:
        request = await container.requests.get(request_id)
    return seen_by(principal, request, request_id)


@router.get(
    "/{request_id}",
    response_model=ServiceRequestOut,
    responses={304: {"description": "Not modified"}, **problem_responses(401, 404, 422)},
)
async def get_request(
    request_id: str,
    container: ContainerDep,
    principal: PrincipalDep,
    response: Response,
    if_none_match: Annotated[str | None, Header()] = None,
) -> ServiceRequestOut | Response:
    """304 for the version the caller has, unless time alone may have moved `due_soon` or
    `overdue` since (an open request whose SLA clock runs): the ETag is the version. The 304
    reads the request's stamp alone, not the request."""
    if if_none_match:
        stamp = stamp_seen_by(principal, await _stamp(container, request_id), request_id)
        etag = etag_of(stamp.version)
        if etag in if_none_match and stamp.standing_frozen:
            return Response(status_code=304, headers={"ETag": etag})
    request = await _visible(container, principal, request_id)
    return _answer(container, request, response)


async def _stamp(container: Container, request_id: str) -> RequestStamp | None:
    if len(request_id) > MAX_ID_LENGTH or "\x00" in request_id:
        return None
    return await container.requests.stamp(request_id)


@router.get(
    "/{request_id}/timeline", response_model=Timeline, responses=problem_responses(401, 404, 422)
)
async def get_timeline(
    request_id: str, container: ContainerDep, principal: PrincipalDep
) -> Timeline:
    """Every change, oldest first, with its actor and time."""
    await _visible(container, principal, request_id)
    entries = await container.requests.timeline(request_id)
    return Timeline(items=[TimelineEntryOut.of(e) for e in entries])


@router.get(
    "/{request_id}/linked",
    response_model=LinkedRequests,
    responses=problem_responses(401, 404, 422),
)
async def linked_requests(
    request_id: str, container: ContainerDep, principal: PrincipalDep
) -> LinkedRequests:
    """The request this one was merged into, and the requests merged into it (its followers)
    with their reporters. Contact details follow the request's own: whoever may see the
    request sees its reporters."""
    request = await _visible(container, principal, request_id)
    linked = await container.duplicates.linked(request.id, request.duplicate_of)
    parent = linked.duplicate_of
    return LinkedRequests(
        duplicate_of=LinkedRequestOut.of(parent) if parent else None,
        duplicates=[LinkedRequestOut.of(r) for r in linked.duplicates],
    )


@router.get(
    "/{request_id}/duplicates",
    response_model=DuplicateList,
    responses=problem_responses(401, 404, 422),
)
async def request_duplicates(
    request_id: str, container: ContainerDep, principal: PrincipalDep
) -> DuplicateList:
    """Open requests this one may repeat, or that repeat it, best first (its own merged
    duplicates left out): the ones worth merging. Empty for a request without a point."""
    request = await _visible(container, principal, request_id)
    return DuplicateList.of(await _duplicates_of(container, principal, request))


@router.post("/{request_id}/merge", response_model=ServiceRequestOut, responses=WRITE_ERRORS)
async def merge_into(
    request_id: str,
    body: MergeIn,
    container: ContainerDep,
    principal: PrincipalDep,
    if_match: IfMatchDep,
    response: Response,
) -> ServiceRequestOut:
    """Close this request as a duplicate of `into` and link it; its reporter follows `into`.

    Send the ETag of this request in `If-Match`. Both requests get a `merge` timeline entry.
    `into` must be open and not a duplicate itself; a closed request cannot be merged (409).
    """
    command = MergeRequest(request_id, body.into, if_match)
    request = await merge_request(container.context, command, principal, hours=container.hours)
    return _answer(container, request, response)


@router.post("/{request_id}/transitions", response_model=ServiceRequestOut, responses=WRITE_ERRORS)
async def transition(
    request_id: str,
    body: TransitionIn,
    container: ContainerDep,
    principal: PrincipalDep,
    if_match: IfMatchDep,
    response: Response,
) -> ServiceRequestOut:
    """Move the request along its lifecycle. Closing takes a reason; reopening takes a note."""
    command = TransitionRequest(request_id, body.to, if_match, body.reason, body.note)
    request = await transition_request(container.context, command, principal, hours=container.hours)
    return _answer(container, request, response)


@router.post("/{request_id}/comments", response_model=ServiceRequestOut, responses=WRITE_ERRORS)
async def comment(
    request_id: str,
    body: CommentIn,
    container: ContainerDep,
    principal: PrincipalDep,
    if_match: IfMatchDep,
    response: Response,
) -> ServiceRequestOut:
    """Public comments are shown to residents; internal ones only to staff."""
    command = CommentOnRequest(
        request_id, body.body, body.visibility, if_match, tuple(body.photo_ids)
    )
    request = await comment_on_request(container.context, command, principal)
    return _answer(container, request, response)


@router.patch("/{request_id}", response_model=ServiceRequestOut, responses=WRITE_ERRORS)
async def change_request(
    request_id: str,
    body: RequestPatch,
    container: ContainerDep,
    principal: PrincipalDep,
    if_match: IfMatchDep,
    response: Response,
) -> ServiceRequestOut:
    """Change the assignee (null unassigns), the priority, the department (with a reason), or
    `external_id`, the request's id in the department's own work-order system."""
    command = UpdateRequest(
        request_id=request_id,
        if_match=if_match,
        change_assignee="assignee_id" in body.model_fields_set,
        assignee_id=body.assignee_id,
        priority=body.priority,
        department_code=body.department,
        transfer_reason=body.reason,
        change_external_id="external_id" in body.model_fields_set,
        external_id=body.external_id,
    )
    request = await update_request(container.context, command, principal)
    return _answer(container, request, response)

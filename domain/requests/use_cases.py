"""Use cases on service requests. Each opens one unit of work and commits once."""

from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from domain.directory.catalog import Service
from domain.directory.permissions import Principal
from domain.jurisdictions.model import AreaRef, OutOfJurisdiction, ResponsibleKind
from domain.jurisdictions.ports import JurisdictionResolver
from domain.jurisdictions.resolver import ServiceFacts
from domain.requests.model import (
    Actor,
    Channel,
    CloseReason,
    Location,
    Priority,
    Reporter,
    ServiceRequest,
    Status,
    Visibility,
)
from domain.requests.sla import BusinessHours
from domain.shared.clock import Clock
from domain.shared.errors import (
    NotFound,
    PreconditionFailed,
    PreconditionRequired,
    ValidationFailed,
)
from domain.shared.unit_of_work import UnitOfWork, UnitOfWorkFactory


@dataclass(frozen=True)
class RequestDesk:
    """What every request use case needs: transactions, the time, and the working calendar."""

    uow: UnitOfWorkFactory
    clock: Clock
    hours: BusinessHours
    jurisdictions: JurisdictionResolver


@dataclass(frozen=True)
class SubmitServiceRequest:
    service_code: str
    description: str = ""
    location: Location = field(default_factory=Location)
    attributes: dict[str, object] = field(default_factory=dict)
    reporter: Reporter = field(default_factory=Reporter)
    channel: Channel = Channel.API
    priority: Priority = Priority.NORMAL
    external_id: str | None = None


async def submit_service_request(
    desk: RequestDesk, command: SubmitServiceRequest, submitter: Principal | None, actor: Actor
) -> ServiceRequest:
    """Open a request.

    - The service must exist and be active; attribute values must fit its definitions.
    - A point is resolved against the boundary layers: the request keeps the areas it lies in,
      and the responsible department (the service's, unless a routing rule says otherwise).
      A point that another government or agency handles is refused with the referral.
    - The SLA of the service gives the expected date.
    - The reference is `YY-NNNNNNNN`, unique across the system.
    """
    if submitter is not None:
        submitter.require_create_request()
    async with desk.uow() as uow:
        service = await uow.services.get(command.service_code)
        if service is None or not service.active:
            raise ValidationFailed.single("service_code", "is not an active service")
        attributes = service.clean_attributes(command.attributes)
        department_code, areas = await _route(desk, uow, service, command.location)
        now = desk.clock.now()
        request = ServiceRequest(
            id=await uow.requests.next_id(now),
            service_code=service.code,
            department_code=department_code,
            areas=areas,
            sla=service.sla,
            requested_at=now,
            description=command.description.strip(),
            location=command.location,
            attributes=attributes,
            reporter=command.reporter,
            channel=command.channel,
            priority=command.priority,
            external_id=command.external_id,
        )
        request.record_submission(actor, desk.hours)
        await uow.requests.add(request)
        await uow.commit()
    return request


async def _route(
    desk: RequestDesk, uow: UnitOfWork, service: Service, location: Location
) -> tuple[str, list[AreaRef]]:
    if location.lat is None or location.long is None:
        return service.department_code, []
    department = await uow.departments.get(service.department_code)
    facts = ServiceFacts(
        service.code,
        service.name,
        service.group,
        service.department_code,
        department.name if department else service.department_code,
    )
    resolution = await desk.jurisdictions.resolve(location.lat, location.long, facts)
    responsible = resolution.responsible
    if responsible.kind is not ResponsibleKind.DEPARTMENT or responsible.department is None:
        raise OutOfJurisdiction(resolution)
    return responsible.department, resolution.areas


async def load_for_write(
    uow: UnitOfWork, request_id: str, if_match: int | None, principal: Principal
) -> ServiceRequest:
    """Locks the row; answers 404 before 428/412 so that hidden requests stay hidden."""
    request = await uow.requests.get(request_id, for_update=True)
    if request is None:
        raise NotFound(f"service request {request_id} was not found")
    principal.require_see(request.department_code, request_id)
    if if_match is None:
        raise PreconditionRequired("send If-Match with the ETag of the request you read")
    if if_match != request.version:
        raise PreconditionFailed("the request was changed by someone else; read it again")
    return request


@dataclass(frozen=True)
class TransitionRequest:
    request_id: str
    to: Status
    if_match: int | None
    reason: CloseReason | None = None
    note: str | None = None


async def transition_request(
    desk: RequestDesk, command: TransitionRequest, principal: Principal
) -> ServiceRequest:
    """Move a request along its lifecycle (see ServiceRequest.transition for the table)."""
    async with desk.uow() as uow:
        request = await load_for_write(uow, command.request_id, command.if_match, principal)
        principal.require_work(request.department_code, request.id)
        request.transition(
            command.to, principal.actor, desk.clock.now(), desk.hours, command.reason, command.note
        )
        await uow.requests.save(request, expected_version=request.version)
        await uow.commit()
    return request


@dataclass(frozen=True)
class CommentOnRequest:
    request_id: str
    body: str
    visibility: Visibility
    if_match: int | None


async def comment_on_request(
    desk: RequestDesk, command: CommentOnRequest, principal: Principal
) -> ServiceRequest:
    """Add a public note (residents see it) or an internal one (staff only)."""
    async with desk.uow() as uow:
        request = await load_for_write(uow, command.request_id, command.if_match, principal)
        principal.require_work(request.department_code, request.id)
        request.comment(command.body, command.visibility, principal.actor, desk.clock.now())
        await uow.requests.save(request, expected_version=request.version)
        await uow.commit()
    return request


@dataclass(frozen=True)
class UpdateRequest:
    request_id: str
    if_match: int | None
    change_assignee: bool = False
    assignee_id: UUID | None = None
    priority: Priority | None = None
    department_code: str | None = None
    transfer_reason: str | None = None


async def update_request(
    desk: RequestDesk, command: UpdateRequest, principal: Principal
) -> ServiceRequest:
    """Reassign, reprioritise or transfer.

    - Supervisors assign and transfer any request; a department manager assigns within the
      department and transfers out of it.
    - A transfer names an existing department and a reason; it clears the assignee.
    - An assignee must be an active user who may see the request.
    """
    async with desk.uow() as uow:
        request = await load_for_write(uow, command.request_id, command.if_match, principal)
        now, actor = desk.clock.now(), principal.actor
        if command.priority is not None:
            principal.require_reprioritise(request.department_code)
            request.reprioritise(command.priority, actor, now)
        if command.change_assignee:
            await _assign(uow, request, command.assignee_id, principal, now)
        if command.department_code is not None:
            principal.require_transfer(request.department_code)
            if await uow.departments.get(command.department_code) is None:
                raise ValidationFailed.single("department", "is not a known department")
            request.transfer(command.department_code, command.transfer_reason or "", actor, now)
        await uow.requests.save(request, expected_version=request.version)
        await uow.commit()
    return request


async def _assign(
    uow: UnitOfWork,
    request: ServiceRequest,
    assignee_id: UUID | None,
    principal: Principal,
    now: datetime,
) -> None:
    assignee = await uow.users.get(assignee_id) if assignee_id is not None else None
    if assignee_id is not None and (assignee is None or not assignee.active):
        raise ValidationFailed.single("assignee_id", "is not an active user")
    principal.require_assign(request.department_code, assignee)
    if assignee is not None and not Principal.of(assignee).can_see(request.department_code):
        raise ValidationFailed.single("assignee_id", "cannot see this department's requests")
    request.assign(assignee_id, principal.actor, now)

"""Use cases on service requests. Each opens one unit of work and commits once."""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from domain.directory.permissions import Principal
from domain.requests.events import publish_request_change
from domain.requests.model import CloseReason, Priority, ServiceRequest, Status
from domain.requests.ports import RequestsUnitOfWork
from domain.requests.submission import (
    Submission,
    SubmitServiceRequest,
    open_request,
    submit_service_request,
)
from domain.requests.visibility import seen_by
from domain.shared.context import Context
from domain.shared.errors import (
    PreconditionFailed,
    PreconditionRequired,
    ValidationFailed,
)
from domain.shared.sla import BusinessHours
from domain.shared.vocabulary import Visibility

__all__ = [
    "Submission",
    "SubmitServiceRequest",
    "open_request",
    "submit_service_request",
]


async def load_for_write(
    uow: RequestsUnitOfWork, request_id: str, if_match: int | None, principal: Principal
) -> ServiceRequest:
    """Locks the row; answers 404 before 428/412 so that hidden requests stay hidden."""
    request = _seen(await uow.requests.get(request_id, for_update=True), request_id, principal)
    _check_version(request, if_match)
    return request


def _seen(request: ServiceRequest | None, request_id: str, principal: Principal) -> ServiceRequest:
    return seen_by(principal, request, request_id)


def _check_version(request: ServiceRequest, if_match: int | None) -> None:
    if if_match is None:
        raise PreconditionRequired("send If-Match with the ETag of the request you read")
    if if_match != request.version:
        raise PreconditionFailed("the request was changed by someone else; read it again")


@dataclass(frozen=True)
class TransitionRequest:
    request_id: str
    to: Status
    if_match: int | None
    reason: CloseReason | None = None
    note: str | None = None


async def transition_request(
    context: Context[RequestsUnitOfWork],
    command: TransitionRequest,
    principal: Principal,
    *,
    hours: BusinessHours,
) -> ServiceRequest:
    """Move a request along its lifecycle (see ServiceRequest.transition for the table)."""
    async with context.uow() as uow:
        request = await load_for_write(uow, command.request_id, command.if_match, principal)
        principal.require_work(request.department_code, request.id)
        previous, now = request.status, context.clock.now()
        request.transition(command.to, principal.actor, now, hours, command.reason, command.note)
        await publish_request_change(uow, request, previous, now)
        await uow.requests.save(request, expected_version=request.version)
        await uow.commit()
    return request


@dataclass(frozen=True)
class CommentOnRequest:
    request_id: str
    body: str
    visibility: Visibility
    if_match: int | None
    photo_ids: tuple[UUID, ...] = ()


async def comment_on_request(
    context: Context[RequestsUnitOfWork], command: CommentOnRequest, principal: Principal
) -> ServiceRequest:
    """Add a public note (residents see it) or an internal one (staff only).

    `photo_ids` show photos of this request with the comment; each must have the comment's
    visibility, so that an internal photo never appears beside a public note.
    """
    async with context.uow() as uow:
        request = await load_for_write(uow, command.request_id, command.if_match, principal)
        principal.require_work(request.department_code, request.id)
        now = context.clock.now()
        photos = await _comment_photos(uow, request, command)
        request.comment(command.body, command.visibility, principal.actor, now, photos)
        await publish_request_change(uow, request, request.status, now)
        await uow.requests.save(request, expected_version=request.version)
        await uow.commit()
    return request


async def _comment_photos(
    uow: RequestsUnitOfWork, request: ServiceRequest, command: CommentOnRequest
) -> list[str]:
    wanted = list(dict.fromkeys(command.photo_ids))
    found = {p.id: p for p in await uow.photos.get_many(wanted)} if wanted else {}
    for photo_id in wanted:
        photo = found.get(photo_id)
        if photo is None or photo.request_id != request.id:
            raise ValidationFailed.single("photo_ids", f"{photo_id} is not a photo of this request")
        if photo.visibility is not command.visibility:
            raise ValidationFailed.single(
                "photo_ids", f"{photo_id} is {photo.visibility.value}; the comment is not"
            )
    return [str(photo_id) for photo_id in wanted]


@dataclass(frozen=True)
class UpdateRequest:
    request_id: str
    if_match: int | None
    change_assignee: bool = False
    assignee_id: UUID | None = None
    priority: Priority | None = None
    department_code: str | None = None
    transfer_reason: str | None = None
    change_external_id: bool = False
    external_id: str | None = None


async def update_request(
    context: Context[RequestsUnitOfWork], command: UpdateRequest, principal: Principal
) -> ServiceRequest:
    """Reassign, reprioritise, transfer, or set the id in the department's own system.

    - Supervisors assign and transfer any request; a department manager assigns within the
      department and transfers out of it.
    - A transfer names an existing department and a reason; it clears the assignee.
    - An assignee must be an active user who may see the request.
    """
    async with context.uow() as uow:
        request = await load_for_write(uow, command.request_id, command.if_match, principal)
        now, actor = context.clock.now(), principal.actor
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
        if command.change_external_id:
            principal.require_set_external_id(request.department_code, request.id)
            request.link_external(command.external_id, now)
        if request.pending_entries:
            await publish_request_change(uow, request, request.status, now)
        await uow.requests.save(request, expected_version=request.version)
        await uow.commit()
    return request


async def _assign(
    uow: RequestsUnitOfWork,
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


@dataclass(frozen=True)
class MergeRequest:
    request_id: str
    into: str
    if_match: int | None


async def merge_request(
    context: Context[RequestsUnitOfWork],
    command: MergeRequest,
    principal: Principal,
    *,
    hours: BusinessHours,
) -> ServiceRequest:
    """Close a request as a duplicate of another (`into`); its reporter then follows that one.

    - Both requests must exist and be visible to the caller (else 404), and the caller must be
      allowed to work both, as for a transition. `If-Match` is the merged request's ETag.
    - A request cannot be merged into itself, and a closed request cannot be merged (409):
      reopen it first.
    - The parent must be open and not a duplicate itself (409, naming its own parent): we
      refuse rather than follow the chain, so the agent merges into the request they saw.
    - Both timelines get a public `merge` entry, so both versions change. Both rows are locked,
      in the order of their ids, so two merges of the same pair cannot deadlock.
    """
    if command.into == command.request_id:
        raise ValidationFailed.single("into", "a request cannot be merged into itself")
    async with context.uow() as uow:
        rows = {
            request_id: await uow.requests.get(request_id, for_update=True)
            for request_id in sorted((command.request_id, command.into))
        }
        request = _seen(rows[command.request_id], command.request_id, principal)
        parent = _seen(rows[command.into], command.into, principal)
        _check_version(request, command.if_match)
        principal.require_work(request.department_code, request.id)
        principal.require_work(parent.department_code, parent.id)
        now = context.clock.now()
        previous = request.status
        parent.absorb(request.id, principal.actor, now)
        request.merge_into(parent.id, principal.actor, now, hours)
        await publish_request_change(uow, request, previous, now)
        await publish_request_change(uow, parent, parent.status, now)
        await uow.requests.save(request, expected_version=request.version)
        await uow.requests.save(parent, expected_version=parent.version)
        await uow.commit()
    return request

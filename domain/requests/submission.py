"""Opening a service request: validation, location, routing, the resident and the contact."""

from dataclasses import dataclass, field, replace
from datetime import datetime
from uuid import UUID, uuid4

from domain.addresses.matching import pick_unambiguous
from domain.addresses.model import AddressCandidate
from domain.addresses.normalize import parse_address
from domain.addresses.ports import Geocoder
from domain.cases.model import Case, CaseType
from domain.directory.catalog import Service
from domain.directory.permissions import Principal
from domain.jurisdictions.model import AreaRef, OutOfJurisdiction, ResponsibleKind
from domain.jurisdictions.ports import JurisdictionResolver
from domain.jurisdictions.resolver import ServiceFacts
from domain.requests.duplicates import Match
from domain.requests.events import publish_request_change
from domain.requests.model import Location, Priority, ServiceRequest
from domain.requests.nearby import candidates_query
from domain.requests.ports import RequestsUnitOfWork
from domain.residents.model import Reporter
from domain.residents.use_cases import link_reporter
from domain.shared.context import Context
from domain.shared.errors import DomainError, ValidationFailed
from domain.shared.sla import BusinessHours
from domain.shared.vocabulary import Actor, Channel, Visibility

SEARCHED_CANDIDATES = 5


class AddressNotFound(DomainError):
    """A typed address we cannot place for sure: the caller picks a candidate or a point."""

    def __init__(self, address: str, candidates: list[AddressCandidate]) -> None:
        detail = (
            f"the address {address!r} matches several places: pick one or give a point"
            if candidates
            else f"the address {address!r} is not known: give a point on the map"
        )
        super().__init__(detail)
        self.candidates = candidates


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
    internal_note: str = ""  # staff only: kept as the request's first internal comment


@dataclass(frozen=True)
class Submission:
    """A new request and the open requests it may repeat, best first."""

    request: ServiceRequest
    possible_duplicates: list[Match[ServiceRequest]]


async def submit_service_request(
    context: Context[RequestsUnitOfWork],
    command: SubmitServiceRequest,
    submitter: Principal | None,
    actor: Actor,
    *,
    hours: BusinessHours,
    jurisdictions: JurisdictionResolver,
    geocoder: Geocoder,
) -> Submission:
    """Open a request on its own (not as part of a logged contact); see `open_request`.

    The possible duplicates are read in the same transaction, among the requests the
    submitter may see; a request without a point has none."""
    if submitter is not None:
        submitter.require_create_request()
    async with context.uow() as uow:
        request = await open_request(
            context,
            uow,
            command,
            actor,
            hours=hours,
            jurisdictions=jurisdictions,
            geocoder=geocoder,
        )
        visible = submitter.visible_department() if submitter is not None else None
        matches = await _possible_duplicates(uow, request, visible)
        await uow.commit()
    return Submission(request, matches)


async def _possible_duplicates(
    uow: RequestsUnitOfWork, request: ServiceRequest, visible_department: str | None
) -> list[Match[ServiceRequest]]:
    if request.location.lat is None or request.location.long is None:
        return []
    service = await uow.services.get(request.service_code)
    radius = service.duplicate_radius_m if service is not None else None
    query = candidates_query(request, radius, visible_department)
    return [] if query is None else await uow.duplicates.nearby(query)


async def open_request(
    context: Context[RequestsUnitOfWork],
    uow: RequestsUnitOfWork,
    command: SubmitServiceRequest,
    actor: Actor,
    *,
    hours: BusinessHours,
    jurisdictions: JurisdictionResolver,
    geocoder: Geocoder,
    contact: bool = True,
    resident_id: UUID | None = None,
) -> ServiceRequest:
    """Open a request inside the caller's unit of work.

    - The service must exist and be active; attribute values must fit its definitions.
    - An address alone is geocoded; an ambiguous or unknown one is refused with candidates.
      A point alone keeps the nearest known address as a hint ("near 123 Main St").
    - The point is resolved against the boundary layers: the request keeps the areas it lies
      in and the responsible department (the service's, unless a routing rule says otherwise).
      A point that another government or agency handles is refused with the referral.
    - The reporter becomes a resident, or is matched to one by email or phone.
    - Unless it is part of a logged contact, the request gets its own contact record (type
      `service_request`), so contact volume by channel is complete.
    - The SLA of the service gives the expected date; the reference is `YY-NNNNNNNN`.
    - The description is public; an `internal_note` (such as the caller's own words) is kept
      as an internal comment that only staff see.
    """
    service = await uow.services.get(command.service_code)
    if service is None or not service.active:
        raise ValidationFailed.single("service_code", "is not an active service")
    attributes = service.clean_attributes(command.attributes)
    location, hint = await _locate(geocoder, command.location)
    department_code, areas = await _route(jurisdictions, uow, service, location)
    now = context.clock.now()
    request = ServiceRequest(
        id=await uow.requests.next_id(now),
        service_code=service.code,
        department_code=department_code,
        areas=areas,
        sla=service.sla,
        requested_at=now,
        description=command.description.strip(),
        location=location,
        address_hint=hint,
        attributes=attributes,
        reporter=command.reporter,
        channel=command.channel,
        priority=command.priority,
        external_id=command.external_id,
        resident_id=resident_id or await link_reporter(uow, command.reporter, now),
    )
    request.record_submission(actor, hours)
    if command.internal_note.strip():
        request.comment(command.internal_note, Visibility.INTERNAL, actor, now)
    await publish_request_change(uow, request, None, now)
    await uow.requests.add(request)
    if contact:
        await uow.cases.add(_contact_for(request, actor, now))
    return request


async def _locate(geocoder: Geocoder, location: Location) -> tuple[Location, str | None]:
    """The point, the address, the ZIP code (from the typed address or the nearest known
    one) and, for a point alone, the nearest known address as a hint."""
    if location.lat is not None and location.long is not None:
        nearest = await geocoder.reverse(location.lat, location.long)
        typed_zip = parse_address(location.address).zip if location.address else None
        zipcode = typed_zip or (nearest.zip if nearest else None)
        located = replace(location, zipcode=zipcode)
        if location.address:
            return located, None
        return located, f"near {nearest.address}" if nearest else None
    if not location.address:
        return location, None
    candidates = await geocoder.search(location.address, SEARCHED_CANDIDATES)
    chosen = pick_unambiguous(candidates)
    if chosen is None:
        raise AddressNotFound(location.address, candidates)
    return Location(chosen.lat, chosen.long, chosen.address, chosen.zip), None


async def _route(
    jurisdictions: JurisdictionResolver,
    uow: RequestsUnitOfWork,
    service: Service,
    location: Location,
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
    resolution = await jurisdictions.resolve(location.lat, location.long, facts)
    responsible = resolution.responsible
    if responsible.kind is not ResponsibleKind.DEPARTMENT or responsible.department is None:
        raise OutOfJurisdiction(resolution)
    return responsible.department, resolution.areas


def _contact_for(request: ServiceRequest, actor: Actor, now: datetime) -> Case:
    return Case(
        id=uuid4(),
        channel=request.channel,
        type=CaseType.SERVICE_REQUEST,
        created_at=now,
        updated_at=now,
        language=request.reporter.language,
        summary=f"Service request {request.id} ({request.service_code})",
        resident_id=request.resident_id,
        anonymous=request.resident_id is None,
        request_ids=[request.id],
        agent_id=actor.user_id,
        agent_name=actor.name,
        started_at=now,
        ended_at=now,
    )

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response, status

from api.bootstrap import Container
from api.conditional import NOT_MODIFIED, ConditionalGetDep
from api.deps import ContainerDep, PrincipalDep
from api.language import LanguageDep
from api.problems import problem_responses
from api.schemas.directory import (
    DepartmentBody,
    DepartmentList,
    ServiceCreate,
    ServiceList,
    ServiceOut,
    ServicePatch,
)
from domain.directory.catalog import Service
from domain.directory.use_cases import (
    ServiceChanges,
    create_department,
    create_service,
    update_service,
)
from domain.jurisdictions.model import ResponsibleKind
from domain.shared.errors import NotFound, ValidationFailed

router = APIRouter(prefix="/api/v1", tags=["catalog"])

ServiceCode = Annotated[str, Path(max_length=64)]


@router.get(
    "/services",
    response_model=ServiceList,
    responses={**NOT_MODIFIED, **problem_responses(401, 422)},
)
async def list_services(
    container: ContainerDep,
    _: PrincipalDep,
    language: LanguageDep,
    conditional: ConditionalGetDep,
    include_inactive: Annotated[bool, Query()] = False,
    lat: Annotated[float | None, Query(ge=-90, le=90, allow_inf_nan=False)] = None,
    long: Annotated[float | None, Query(ge=-180, le=180, allow_inf_nan=False)] = None,
) -> ServiceList | Response:
    """The catalog in the language asked for (untranslated texts in the default language); with
    `lat` and `long`, only the services we handle at that point."""
    if (lat is None) != (long is None):
        raise ValidationFailed.single("lat", "lat and long go together")
    services = await container.catalog.services(include_inactive, language)
    if lat is not None and long is not None:
        services = await offered_at(container, services, lat, long)
    return conditional.answer(ServiceList(items=[ServiceOut.of(s) for s in services]), language)


async def offered_at(
    container: Container, services: list[Service], lat: float, long: float
) -> list[Service]:
    facts = await container.catalog.services_facts({s.code for s in services})
    points = [(lat, long, facts.get(s.code)) for s in services]
    resolutions = await container.jurisdictions.resolve_many(points)
    return [
        s
        for s, r in zip(services, resolutions, strict=True)
        if r.responsible.kind is ResponsibleKind.DEPARTMENT
    ]


@router.post(
    "/services",
    response_model=ServiceOut,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(400, 401, 403, 409, 413, 422),
)
async def add_service(
    body: ServiceCreate, container: ContainerDep, principal: PrincipalDep, response: Response
) -> ServiceOut:
    """Admins add services to the catalog."""
    service = body.to_domain()
    await create_service(container.context, service, principal)
    response.headers["Location"] = f"/api/v1/services/{service.code}"
    return ServiceOut.of(service)


@router.get(
    "/services/{code}", response_model=ServiceOut, responses=problem_responses(401, 404, 422)
)
async def get_service(
    code: ServiceCode, container: ContainerDep, _: PrincipalDep, language: LanguageDep
) -> ServiceOut:
    """One service, in the language asked for."""
    service = await container.catalog.service(code, language)
    if service is None:
        raise NotFound(f"service {code} was not found")
    return ServiceOut.of(service)


@router.patch(
    "/services/{code}",
    response_model=ServiceOut,
    responses=problem_responses(400, 401, 403, 404, 413, 422),
)
async def change_service(
    code: ServiceCode, body: ServicePatch, container: ContainerDep, principal: PrincipalDep
) -> ServiceOut:
    """Admins edit a service; fields left out stay as they are."""
    changes = ServiceChanges(
        name=body.name,
        type_name=body.type_name,
        description=body.description,
        group=body.group,
        keywords=body.keywords,
        department_code=body.department,
        active=body.active,
        sla=body.sla.to_domain() if body.sla else None,
        attributes=[a.to_domain() for a in body.attributes]
        if body.attributes is not None
        else None,
        duplicate_radius_m=body.duplicate_radius_m,
        default_duplicate_radius="duplicate_radius_m" in body.model_fields_set
        and body.duplicate_radius_m is None,
        mask_personal_data=body.mask_personal_data,
        public_location=body.public_location,
        open_data_descriptions=body.open_data_descriptions,
        anonymous_allowed=body.anonymous_allowed,
    )
    service = await update_service(container.context, code, changes, principal)
    return ServiceOut.of(service)


@router.get("/departments", response_model=DepartmentList, responses=problem_responses(401, 422))
async def list_departments(
    container: ContainerDep, _: PrincipalDep, language: LanguageDep
) -> DepartmentList:
    """The departments, named in the language asked for."""
    departments = await container.catalog.departments(language)
    return DepartmentList(items=[DepartmentBody.of(d) for d in departments])


@router.post(
    "/departments",
    response_model=DepartmentBody,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(400, 401, 403, 409, 413, 422),
)
async def add_department(
    body: DepartmentBody, container: ContainerDep, principal: PrincipalDep
) -> DepartmentBody:
    await create_department(container.context, body.to_domain(), principal)
    return body

"""Requests as anyone may see them: the last 90 days for the map, one by its number, and open
ones near a point before a resident reports the same thing again."""

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query

from api.bootstrap import Container
from api.deps import ContainerDep
from api.language import LanguageDep
from api.problems import problem_responses
from api.routers.public.paths import PREFIX
from api.schemas.public import PublicRequestDetailOut, PublicRequestOut
from domain.directory.catalog import Service
from domain.requests.duplicates import DEFAULT_RADIUS_M
from domain.requests.public_reads import RECENT, AroundQuery, RecentQuery, offered_nearby
from domain.shared.errors import NotFound, ValidationFailed

router = APIRouter(prefix=PREFIX, tags=["public"])

ServiceCodeQuery = Annotated[str, Query(min_length=1, max_length=64)]
Latitude = Annotated[float, Query(ge=-90, le=90, allow_inf_nan=False)]
Longitude = Annotated[float, Query(ge=-180, le=180, allow_inf_nan=False)]
Number = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
NEARBY_LIMIT = 10


async def _active_service(container: Container, code: str, language: str) -> Service:
    service = await container.catalog.service(code, language)
    if service is None or not service.active:
        raise ValidationFailed.single("service_code", "is not an active service")
    return service


@router.get("/requests", response_model=list[PublicRequestOut], responses=problem_responses(422))
async def list_public_requests(
    container: ContainerDep,
    language: LanguageDep,
    service_code: Annotated[str | None, Query(min_length=1, max_length=64)] = None,
    status: Literal["open", "closed"] | None = None,
    limit: Annotated[int, Query(ge=1, le=2000)] = 500,
) -> list[PublicRequestOut]:
    """Requests of the last 90 days, newest first, public fields only: descriptions masked and
    only from services that let them go public, places as each service's `public_location`
    says."""
    if service_code is not None:
        await _active_service(container, service_code, language)
    query = RecentQuery(
        since=container.clock.now() - RECENT,
        language=language,
        service_codes=(service_code,) if service_code else (),
        closed=None if status is None else status == "closed",
        limit=limit,
    )
    return [PublicRequestOut.of(r) for r in await container.public_requests.recent(query)]


@router.get(
    "/requests/nearby", response_model=list[PublicRequestOut], responses=problem_responses(422)
)
async def list_nearby_requests(
    container: ContainerDep,
    language: LanguageDep,
    service_code: ServiceCodeQuery,
    lat: Latitude,
    lon: Longitude,
) -> list[PublicRequestOut]:
    """Open requests of the service within its duplicate radius of the point, made in the last
    90 days, nearest first (at most 10): "Is it one of these? Follow it instead." Places are
    shown, and distances measured, as the service's `public_location` says; services shown by
    area offer none."""
    service = await _active_service(container, service_code, language)
    if not offered_nearby(service.public_location):
        return []
    query = AroundQuery(
        service_code=service.code,
        lat=lat,
        long=lon,
        radius_m=service.duplicate_radius_m or DEFAULT_RADIUS_M,
        since=container.clock.now() - RECENT,
        language=language,
        limit=NEARBY_LIMIT,
    )
    return [PublicRequestOut.of(r) for r in await container.public_requests.around(query)]


@router.get(
    "/requests/{number}",
    response_model=PublicRequestDetailOut,
    responses=problem_responses(404, 422),
)
async def get_public_request(
    number: Number, container: ContainerDep, language: LanguageDep
) -> PublicRequestDetailOut:
    """One request by its reference number, whatever its age, with its public updates (status
    changes and public comments, masked), oldest first."""
    found = await container.public_requests.one(number, language)
    if found is None:
        raise NotFound(f"request {number} was not found")
    return PublicRequestDetailOut.of(found)

"""The services a resident may report, with their questions, most used first where asked."""

from typing import Annotated

from fastapi import APIRouter, Path

from api.bootstrap import Container
from api.deps import ContainerDep
from api.language import LanguageDep
from api.problems import problem_responses
from api.routers.public.paths import PREFIX
from api.schemas.public import PublicServiceOut
from domain.directory.popularity import popular_ranks
from domain.requests.public_reads import RECENT
from domain.shared.errors import NotFound

router = APIRouter(prefix=PREFIX, tags=["public"])

ServiceCode = Annotated[str, Path(max_length=64)]


async def _ranks(container: Container) -> dict[str, int]:
    since = container.clock.now() - RECENT
    return popular_ranks(await container.service_usage.request_counts(since))


@router.get("/services", response_model=list[PublicServiceOut], responses=problem_responses(422))
async def list_public_services(
    container: ContainerDep, language: LanguageDep
) -> list[PublicServiceOut]:
    """Active services, by group and name as shown, with their questions; `popular_rank` 1 is
    the service most requested in the last 90 days."""
    services = await container.catalog.services(False, language)
    ranks = await _ranks(container)
    return [PublicServiceOut.of(s, ranks.get(s.code)) for s in services]


@router.get(
    "/services/{code}", response_model=PublicServiceOut, responses=problem_responses(404, 422)
)
async def get_public_service(
    code: ServiceCode, container: ContainerDep, language: LanguageDep
) -> PublicServiceOut:
    """One active service; an inactive or unknown one is 404."""
    service = await container.catalog.service(code, language)
    if service is None or not service.active:
        raise NotFound(f"service {code} was not found")
    ranks = await _ranks(container)
    return PublicServiceOut.of(service, ranks.get(service.code))

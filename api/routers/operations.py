import hmac
from typing import Annotated

from fastapi import APIRouter, Header, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel

from api.deps import ContainerDep
from api.problems import problem_response, problem_responses

router = APIRouter(tags=["operations"])


class Health(BaseModel):
    status: str


@router.get("/healthz", response_model=Health)
async def healthz() -> Health:
    """The process is up."""
    return Health(status="ok")


@router.get("/readyz", response_model=Health, responses=problem_responses(503))
async def readyz(container: ContainerDep) -> Health | Response:
    """The database answers."""
    if not await container.database_ready():
        return problem_response(503, "the database is not reachable")
    return Health(status="ready")


@router.get("/metrics", response_class=Response, include_in_schema=False)
async def metrics(
    container: ContainerDep, authorization: Annotated[str | None, Header()] = None
) -> Response:
    """Prometheus metrics; with FRONTDOOR_METRICS_TOKEN set, only for its bearer."""
    expected = container.settings.metrics_token
    if expected and not hmac.compare_digest(authorization or "", f"Bearer {expected}"):
        return problem_response(401, "send the metrics token as a bearer token")
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

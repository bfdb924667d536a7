"""Staff exports: the request list, every row of it, as CSV or GeoJSON, streamed."""

from collections.abc import AsyncIterator
from typing import Any

from fastapi import APIRouter
from fastapi.responses import StreamingResponse

from api.bootstrap import Container
from api.bulk_formats import CSV_TYPE, GEOJSON_TYPE, attachment, csv_body, geojson_body
from api.deps import ContainerDep, PrincipalDep
from api.geojson_schema import FEATURE_COLLECTION_REF
from api.problems import problem_responses
from api.request_exports import COLUMNS, staff_features, staff_rows
from api.request_filters import RequestListQuery, RequestListQueryDep
from domain.directory.permissions import Principal
from domain.requests.model import ServiceRequest
from domain.shared.errors import ValidationFailed

router = APIRouter(prefix="/api/v1/exports", tags=["exports"])


def _answer(media_type: str, description: str) -> dict[int | str, dict[str, Any]]:
    schema = FEATURE_COLLECTION_REF if media_type == GEOJSON_TYPE else {"type": "string"}
    content = {media_type: {"schema": schema}}
    return {
        200: {"description": description, "content": content},
        **problem_responses(401, 403, 422),
    }


async def _export(
    container: Container, principal: Principal, query: RequestListQuery
) -> tuple[AsyncIterator[list[ServiceRequest]], dict[str, str]]:
    """The rows the list would show this caller, and the service names: checked before the
    first byte is sent, so a refusal is a problem answer, not a broken file."""
    principal.require_person()
    if query.change_cursor is not None:
        message = "takes a date-time here: exports are not the change feed"
        raise ValidationFailed.single("updated_after", message)
    f = query.filter(principal, container.clock.now(), container.escalation)
    names = {s.code: s.name for s in await container.catalog.services(include_inactive=True)}
    batches = container.request_batches(f)
    return batches, names


def _filename(container: Container, suffix: str) -> str:
    day = container.clock.now().astimezone(container.settings.zone).date().isoformat()
    return f"requests-{day}.{suffix}"


@router.get(
    "/requests.csv",
    response_class=StreamingResponse,
    responses=_answer("text/csv", "Every request the list shows, newest first, as CSV"),
)
async def export_requests_csv(
    container: ContainerDep, principal: PrincipalDep, query: RequestListQueryDep
) -> StreamingResponse:
    """The request list as a CSV file, with every filter the list takes and no page limit.

    Signed-in people only (a partner system reads the change feed); staff get their own
    department's requests. Streamed in pages of 1,000: memory stays the same at any size.
    Holds residents' contact details: keep the file as you keep the requests."""
    batches, names = await _export(container, principal, query)
    rows = staff_rows(batches, names, container.settings.zone)
    body = csv_body(COLUMNS, rows)
    return attachment(body, CSV_TYPE, _filename(container, "csv"))


@router.get(
    "/requests.geojson",
    response_class=StreamingResponse,
    responses=_answer(GEOJSON_TYPE, "Every request the list shows, newest first, as GeoJSON"),
)
async def export_requests_geojson(
    container: ContainerDep, principal: PrincipalDep, query: RequestListQueryDep
) -> StreamingResponse:
    """The request list as a GeoJSON FeatureCollection (RFC 7946), as the CSV export: a
    request without a point has a null geometry."""
    batches, names = await _export(container, principal, query)
    features = staff_features(batches, names, container.settings.zone)
    return attachment(geojson_body(features), GEOJSON_TYPE, _filename(container, "geojson"))

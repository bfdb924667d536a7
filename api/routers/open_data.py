"""The public open-data feed: no sign-in, no personal data, pages for mirrors that poll."""

from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime
from typing import Annotated, Any, Literal, TypeVar

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import AfterValidator

from api.bulk_formats import CSV_TYPE, GEOJSON_TYPE, attachment, csv_body, geojson_body
from api.deps import ContainerDep
from api.geojson_schema import FEATURE_COLLECTION_REF
from api.open_data_rows import COLUMNS, open_data_feature, open_data_row
from api.problems import problem_responses
from domain.requests.open_data_reads import OpenDataPage, OpenDataQuery
from domain.shared.errors import ValidationFailed

router = APIRouter(prefix="/api/v1/open-data", tags=["open data"])

MAX_LIMIT = 10_000
CHUNK = 1000  # rows written per piece of the answer
CACHE = "public, max-age=60"
PAGING = """Paging, for mirrors: rows come oldest change first, ordered by (updated_at, id),
`limit` at a time. A page with rows has a `Link: <…>; rel="next"` header (in GeoJSON also a
`links` member): the same query from just after its last row (`updated_after` and `after_id`).
Follow it until a page comes back empty; keep that last URL and ask it again to poll for what
changed since. A change committed late may carry an earlier time than one already read: to be
safe, now and then poll from a few minutes earlier and upsert by `service_request_id`."""
PRIVACY = """No personal data: no reporter fields, public notes always masked (emails, phone
numbers, the reporter's name), descriptions only from services that allow them
(`open_data_descriptions`, off by default) and masked too, places as each service's
`public_location` says (`exact`, `block`, or `area`)."""


def _aware(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        raise ValueError("needs a time zone offset (RFC 3339), e.g. 2026-12-01T00:00:00Z")
    return value


Instant = Annotated[datetime | None, AfterValidator(_aware)]


def _codes(value: str | None) -> list[str]:
    return [code.strip() for code in (value or "").split(",") if code.strip()]


def open_data_query(
    updated_after: Annotated[
        Instant, Query(description="RFC 3339: only rows changed after this instant")
    ] = None,
    after_id: Annotated[
        str | None,
        Query(max_length=64, description="With updated_after: the last row read at that instant"),
    ] = None,
    requested_from: Annotated[
        Instant, Query(alias="from", description="RFC 3339: requested at or after")
    ] = None,
    requested_to: Annotated[
        Instant, Query(alias="to", description="RFC 3339: requested before")
    ] = None,
    service_code: Annotated[str | None, Query(max_length=2000, description="Comma list")] = None,
    status: Annotated[Literal["open", "closed"] | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 1000,
) -> OpenDataQuery:
    if after_id is not None and updated_after is None:
        raise ValidationFailed.single("after_id", "goes with updated_after")
    return OpenDataQuery(
        updated_after=updated_after,
        after_id=after_id,
        requested_from=requested_from,
        requested_to=requested_to,
        service_codes=_codes(service_code),
        closed=None if status is None else status == "closed",
        limit=limit,
    )


OpenDataQueryDep = Annotated[OpenDataQuery, Depends(open_data_query)]


def _answer(media_type: str, description: str) -> dict[int | str, dict[str, Any]]:
    schema = FEATURE_COLLECTION_REF if media_type == GEOJSON_TYPE else {"type": "string"}
    content = {media_type: {"schema": schema}}
    next_page = 'The page after this one: <URL>; rel="next" (none on an empty page)'
    link = {"Link": {"description": next_page, "schema": {"type": "string"}}}
    return {
        200: {"description": description, "content": content, "headers": link},
        **problem_responses(422),
    }


def _next_link(request: Request, page: OpenDataPage) -> str | None:
    """After the last row of a page that has rows; an empty page is the end, for now."""
    if not page.items:
        return None
    last = page.items[-1]
    after = last.updated_at.astimezone(UTC).isoformat().replace("+00:00", "Z")
    return str(request.url.include_query_params(updated_after=after, after_id=last.id))


def _headers(link: str | None) -> dict[str, str]:
    headers = {"Cache-Control": CACHE}
    if link is not None:
        headers["Link"] = f'<{link}>; rel="next"'
    return headers


Item = TypeVar("Item")


async def _chunks(items: Sequence[Item]) -> AsyncIterator[Sequence[Item]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


@router.get(
    "/requests.csv",
    response_class=StreamingResponse,
    responses=_answer("text/csv", "Requests as CSV, GeoReport bulk columns"),
    description=f"Requests as CSV, no sign-in.\n\n{PRIVACY}\n\n{PAGING}",
)
async def open_data_requests_csv(
    request: Request, container: ContainerDep, query: OpenDataQueryDep
) -> StreamingResponse:
    page = await container.open_data.page(query)
    zone = container.settings.zone
    rows = [open_data_row(item, zone) for item in page.items]
    body = csv_body(COLUMNS, _chunks(rows))
    return attachment(body, CSV_TYPE, "requests.csv", _headers(_next_link(request, page)))


@router.get(
    "/requests.geojson",
    response_class=StreamingResponse,
    responses=_answer(GEOJSON_TYPE, "Requests as a GeoJSON FeatureCollection"),
    description=f"Requests as GeoJSON (RFC 7946), no sign-in; a request shown without a point "
    f"has a null geometry.\n\n{PRIVACY}\n\n{PAGING}",
)
async def open_data_requests_geojson(
    request: Request, container: ContainerDep, query: OpenDataQueryDep
) -> StreamingResponse:
    page = await container.open_data.page(query)
    zone = container.settings.zone
    features = [open_data_feature(item, zone) for item in page.items]
    link = _next_link(request, page)
    members = {"links": [{"rel": "next", "href": link}] if link else []}
    body = geojson_body(_chunks(features), members)
    return attachment(body, GEOJSON_TYPE, "requests.geojson", _headers(link))

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.exceptions import HTTPException

from api.deps import ContainerDep, PrincipalDep
from api.problems import problem_responses
from api.schemas.addresses import AddressImportOut, AddressList, AddressOut
from domain.addresses.csv_import import import_address_csv
from domain.shared.errors import NotFound, ValidationFailed

router = APIRouter(prefix="/api/v1/addresses", tags=["addresses"])

IMPORT_PATH = "/api/v1/addresses/import"
IMPORT_MAX_BYTES = 20 * 1024 * 1024
REVERSE_WITHIN_M = 100.0
CSV_TYPES = ("text/csv", "text/plain")
CSV_BODY = {
    "requestBody": {
        "required": True,
        "content": {"text/csv": {"schema": {"type": "string"}}},
        "description": "A header line `address,zip,lat,long`, then one address a line",
    }
}


@router.get("", response_model=AddressList, responses=problem_responses(401, 422))
async def search_addresses(
    container: ContainerDep,
    _: PrincipalDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="A typed address")],
    limit: Annotated[int, Query(ge=1, le=20)] = 5,
) -> AddressList:
    """Known addresses matching a typed one, best first. Abbreviations, typos, a missing
    suffix or zip, and a city and state at the end are all tolerated."""
    if not q.strip():
        raise ValidationFailed.single("q", "must not be blank")
    found = await container.geocoder.search(q, limit)
    return AddressList(items=[AddressOut.of(c) for c in found])


@router.get("/reverse", response_model=AddressOut, responses=problem_responses(401, 404, 422))
async def reverse_geocode(
    container: ContainerDep,
    _: PrincipalDep,
    lat: Annotated[float, Query(ge=-90, le=90)],
    long: Annotated[float, Query(ge=-180, le=180)],
) -> AddressOut:
    """The known address nearest to a point, within 100 m."""
    found = await container.geocoder.reverse(lat, long, REVERSE_WITHIN_M)
    if found is None:
        raise NotFound("no address within 100 m")
    return AddressOut.of(found)


@router.post(
    "/import",
    response_model=AddressImportOut,
    responses=problem_responses(400, 401, 403, 413, 415, 422),
    openapi_extra=CSV_BODY,
)
async def import_addresses(
    request: Request,
    container: ContainerDep,
    principal: PrincipalDep,
    replace: Annotated[bool, Query(description="Replace the whole table")] = False,
) -> AddressImportOut:
    """Admins load the address table from CSV (up to 20 MiB). Rows that are not usable are
    skipped and reported; a header without the four columns refuses the whole file."""
    principal.require_admin()
    media_type = request.headers.get("content-type", "text/csv").split(";")[0].strip().lower()
    if media_type not in CSV_TYPES:
        raise HTTPException(415, "send the addresses as text/csv")
    try:
        text = (await request.body()).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationFailed.single("body", "is not UTF-8 text") from None
    result = await import_address_csv(container.import_addresses, container.geocoder, text, replace)
    return AddressImportOut.of(result)

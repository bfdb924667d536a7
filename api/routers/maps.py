"""The intake map's reference layer, for cities without a tile service: streets with their
names, and the address points at close zoom, from our own API and bounded by the view."""

import asyncio
from typing import Annotated

from fastapi import APIRouter, Query, Response

from api.deps import ContainerDep, PrincipalDep
from api.geojson_schema import FEATURE_COLLECTION_REF, GeoJsonResponse, geojson_answer
from api.map_geojson import address_collection, street_collection
from api.problems import problem_responses
from api.schemas.maps import AddressMarkCollection, StreetCollection
from domain.maps.reference import (
    MAX_ADDRESSES,
    BoundingBox,
    check_address_view,
    street_ranks,
)

router = APIRouter(prefix="/api/v1/map", tags=["map"])

BBox = Annotated[
    str,
    Query(max_length=120, description="The view: west,south,east,north in degrees"),
]
Zoom = Annotated[int, Query(ge=0, le=22, description="The map's zoom level")]


@router.get(
    "/streets",
    response_model=StreetCollection,
    response_class=GeoJsonResponse,
    responses={
        **geojson_answer("The features in view", FEATURE_COLLECTION_REF),
        **problem_responses(401, 422),
    },
)
async def map_streets(container: ContainerDep, _: PrincipalDep, bbox: BBox, zoom: Zoom) -> Response:
    """Reference streets in the view: none below zoom 11, the main roads only below 13; cut
    to the view (with a margin) and simplified to half a pixel. Each carries where to write its
    name. `attribution` credits their sources."""
    box = BoundingBox.parse(bbox)
    rows = await container.map_reference.streets(box, street_ranks(zoom))
    return GeoJsonResponse(await asyncio.to_thread(street_collection, rows, box, zoom))


@router.get(
    "/addresses",
    response_model=AddressMarkCollection,
    response_class=GeoJsonResponse,
    responses={
        **geojson_answer("The features in view", FEATURE_COLLECTION_REF),
        **problem_responses(401, 422),
    },
)
async def map_addresses(
    container: ContainerDep, _: PrincipalDep, bbox: BBox, zoom: Zoom
) -> Response:
    """The address points in a close view (zoom 17 or more, at most 0.05° across), up to
    2,000; `truncated` says when there were more."""
    box = BoundingBox.parse(bbox)
    check_address_view(box, zoom)
    marks = await container.map_reference.addresses(box, MAX_ADDRESSES + 1)
    truncated = len(marks) > MAX_ADDRESSES
    return GeoJsonResponse(address_collection(marks[:MAX_ADDRESSES], truncated))

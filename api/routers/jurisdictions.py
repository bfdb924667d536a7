import asyncio
import json
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response
from starlette.exceptions import HTTPException

from api.deps import ContainerDep, PrincipalDep
from api.geojson import area_feature, layer_collection
from api.geojson_schema import FEATURE_COLLECTION_REF, FEATURE_REF, GeoJsonResponse, geojson_answer
from api.language import LanguageDep
from api.localized import localized_resolutions
from api.problems import problem_responses
from api.schemas.jurisdictions import (
    AreaList,
    AreaOut,
    AreaPatch,
    BatchResolveIn,
    BatchResolveOut,
    ContactBody,
    FeatureCollectionOut,
    FeatureOut,
    ImportResult,
    LayerList,
    LayerOut,
    LayerPatch,
    ResolutionOut,
    RuleBody,
    RuleList,
    RuleOut,
)
from domain.jurisdictions.importing import ParsedArea, parse_collection
from domain.jurisdictions.model import LayerRole
from domain.jurisdictions.use_cases import (
    ImportLayer,
    create_rule,
    delete_rule,
    import_layer,
    update_area_contact,
    update_layer,
    update_rule,
)
from domain.shared.errors import NotFound

router = APIRouter(prefix="/api/v1/jurisdictions", tags=["jurisdictions"])

IMPORT_PATH = "/api/v1/jurisdictions/import"
IMPORT_LIMIT = 50 * 1024 * 1024
GEOJSON_TYPES = ("application/geo+json", "application/json")
Slug = Annotated[str, Path(max_length=64)]
AreaId = Annotated[int, Path(ge=1, le=2**63 - 1)]
RuleId = Annotated[int, Path(ge=1, le=2**31 - 1)]
Latitude = Annotated[float, Query(ge=-90, le=90, allow_inf_nan=False)]
Longitude = Annotated[float, Query(ge=-180, le=180, allow_inf_nan=False)]


def _parse_body(raw: bytes, code_property: str, name_property: str) -> list[ParsedArea]:
    try:
        collection = json.loads(raw)
    except (ValueError, RecursionError):
        raise HTTPException(400, "the body is not valid JSON") from None
    return parse_collection(collection, code_property, name_property)


@router.post(
    "/import",
    response_model=ImportResult,
    responses=problem_responses(400, 401, 403, 413, 415, 422),
)
async def import_jurisdiction_layer(
    request: Request,
    container: ContainerDep,
    principal: PrincipalDep,
    layer: Annotated[str, Query(min_length=1, max_length=64)],
    code_property: Annotated[str, Query(min_length=1, max_length=100)],
    name_property: Annotated[str, Query(min_length=1, max_length=100)],
    role: LayerRole | None = None,
    kind: Annotated[str | None, Query(max_length=64)] = None,
    name: Annotated[str | None, Query(max_length=200)] = None,
) -> ImportResult:
    """Import a GeoJSON FeatureCollection as a layer's new version (admins; up to 50 MiB).

    Re-importing replaces the layer atomically and keeps the old version; invalid rings are
    repaired and counted. Non-polygonal features, out-of-range coordinates or a missing code or
    name refuse the whole import (422) and leave the previous version untouched.
    """
    principal.require_admin()
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media not in GEOJSON_TYPES:
        raise HTTPException(415, "send the layer as application/geo+json or application/json")
    raw = await request.body()
    areas = await asyncio.to_thread(_parse_body, raw, code_property, name_property)
    command = ImportLayer(layer, areas, role, kind, name)
    outcome = await import_layer(container.context, command, principal)
    return ImportResult(**outcome.__dict__)


@router.get("/layers", response_model=LayerList, responses=problem_responses(401, 422))
async def list_layers(container: ContainerDep, _: PrincipalDep, language: LanguageDep) -> LayerList:
    """The boundary layers, named in the language asked for."""
    layers = await container.jurisdiction_reads.layers(language)
    return LayerList(items=[LayerOut.of(layer) for layer in layers])


@router.get(
    "/layers/{slug}.geojson",
    response_model=FeatureCollectionOut,
    response_class=GeoJsonResponse,
    responses={
        **geojson_answer("The layer's current areas", FEATURE_COLLECTION_REF),
        **problem_responses(401, 404, 422),
    },
)
async def get_layer_geojson(
    slug: Slug,
    container: ContainerDep,
    _: PrincipalDep,
    simplify: Annotated[float, Query(ge=0, le=1000, description="tolerance in metres")] = 0,
) -> Response:
    """The whole current layer for maps; `simplify` trades detail for size."""
    rows = await container.jurisdiction_reads.layer_geometries(slug)
    if not rows and slug not in {
        layer.slug for layer in await container.jurisdiction_reads.layers()
    }:
        raise NotFound(f"layer {slug} was not found")
    return GeoJsonResponse(await asyncio.to_thread(layer_collection, rows, simplify))


@router.patch(
    "/layers/{slug}", response_model=LayerOut, responses=problem_responses(400, 401, 403, 404, 422)
)
async def change_layer(
    slug: Slug, body: LayerPatch, container: ContainerDep, principal: PrincipalDep
) -> LayerOut:
    """Admins change a layer's role (served, refer, info), kind or name."""
    layer = await update_layer(container.context, slug, principal, body.role, body.kind, body.name)
    return LayerOut.of(layer)


@router.get("/resolve", response_model=ResolutionOut, responses=problem_responses(401, 404, 422))
async def resolve_point(
    container: ContainerDep,
    _: PrincipalDep,
    language: LanguageDep,
    lat: Latitude,
    long: Longitude,
    service_code: Annotated[str | None, Query(max_length=64)] = None,
) -> ResolutionOut:
    """The areas at a point from every layer, who is responsible there, and why; a referral
    target is named in the language asked for."""
    facts = await container.catalog.service_facts(service_code) if service_code else None
    if service_code and facts is None:
        raise NotFound(f"service {service_code} was not found")
    resolution = await container.jurisdictions.resolve(lat, long, facts)
    [localized] = await localized_resolutions(container, [resolution], language)
    return ResolutionOut.of(localized)


@router.post(
    "/resolve", response_model=BatchResolveOut, responses=problem_responses(400, 401, 404, 413, 422)
)
async def resolve_points(
    body: BatchResolveIn,
    container: ContainerDep,
    _: PrincipalDep,
    language: LanguageDep,
    response: Response,
) -> Response:
    """Up to 1,000 points at once; the results keep the order of the points."""
    codes = {p.service_code for p in body.points if p.service_code}
    facts = await container.catalog.services_facts(codes)
    missing = codes - facts.keys()
    if missing:
        raise NotFound(f"unknown service codes: {', '.join(sorted(missing))}")
    points = [
        (p.lat, p.long, facts[p.service_code] if p.service_code else None) for p in body.points
    ]
    resolutions = await container.jurisdictions.resolve_many(points)
    localized = await localized_resolutions(container, resolutions, language)
    # Built JSON, returned as is: it carries the headers the dependencies set (the language).
    body_json = BatchResolveOut.json_of(localized)
    return Response(body_json, media_type="application/json", headers=dict(response.headers))


@router.get("/rules", response_model=RuleList, responses=problem_responses(401))
async def list_routing_rules(container: ContainerDep, _: PrincipalDep) -> RuleList:
    rules = await container.jurisdiction_reads.rules()
    return RuleList(items=[RuleOut.of(rule) for rule in rules])


@router.post(
    "/rules",
    response_model=RuleOut,
    status_code=201,
    responses=problem_responses(400, 401, 403, 413, 422),
)
async def add_routing_rule(
    body: RuleBody, container: ContainerDep, principal: PrincipalDep
) -> RuleOut:
    """Admins add a rule: (service or group, layer or area) → department or referral."""
    return RuleOut.of(await create_rule(container.context, body.to_domain(), principal))


@router.patch(
    "/rules/{rule_id}", response_model=RuleOut, responses=problem_responses(400, 401, 403, 404, 422)
)
async def change_routing_rule(
    rule_id: RuleId, body: RuleBody, container: ContainerDep, principal: PrincipalDep
) -> RuleOut:
    rule = await update_rule(container.context, rule_id, body.to_domain(rule_id), principal)
    return RuleOut.of(rule)


@router.delete("/rules/{rule_id}", status_code=204, responses=problem_responses(401, 403, 404, 422))
async def remove_routing_rule(
    rule_id: RuleId, container: ContainerDep, principal: PrincipalDep
) -> Response:
    await delete_rule(container.context, rule_id, principal)
    return Response(status_code=204)


@router.get("", response_model=AreaList, responses=problem_responses(401, 422))
async def list_areas(
    container: ContainerDep,
    _: PrincipalDep,
    layer: Annotated[str | None, Query(max_length=64)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    offset: Annotated[int, Query(ge=0, le=2**31 - 1)] = 0,
) -> AreaList:
    """Areas of the current layer versions, without geometry."""
    records = await container.jurisdiction_reads.areas(layer, limit, offset)
    return AreaList(
        items=[
            AreaOut(
                id=r.ref.id,
                layer=r.ref.layer,
                code=r.ref.code,
                name=r.ref.name,
                properties=r.properties,
                contact=ContactBody.of(r.contact),
            )
            for r in records
        ]
    )


@router.get(
    "/{area_id:int}",
    response_model=FeatureOut,
    response_class=GeoJsonResponse,
    responses={**geojson_answer("The area", FEATURE_REF), **problem_responses(401, 404, 422)},
)
async def get_area(area_id: AreaId, container: ContainerDep, _: PrincipalDep) -> Response:
    """One area as a GeoJSON Feature (older versions too, marked `current: false`)."""
    found = await container.jurisdiction_reads.area(area_id)
    if found is None:
        raise NotFound(f"area {area_id} was not found")
    return GeoJsonResponse(await asyncio.to_thread(area_feature, *found))


@router.patch(
    "/{area_id:int}", response_model=AreaOut, responses=problem_responses(400, 401, 403, 404, 422)
)
async def change_area(
    area_id: AreaId, body: AreaPatch, container: ContainerDep, principal: PrincipalDep
) -> AreaOut:
    """Admins set or clear an area's contact (agency name, phone, url, email)."""
    contact = body.contact.to_domain() if body.contact else None
    await update_area_contact(container.context, area_id, contact, principal)
    found = await container.jurisdiction_reads.area(area_id)
    assert found is not None
    record = found[0]
    return AreaOut(
        id=record.ref.id,
        layer=record.ref.layer,
        code=record.ref.code,
        name=record.ref.name,
        properties=record.properties,
        contact=ContactBody.of(record.contact),
    )

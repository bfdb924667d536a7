"""What the GeoJSON answers look like in OpenAPI (RFC 7946), so clients and fuzzers can check
them: FastAPI would otherwise declare a bare `string` for a body it does not serialise."""

from typing import Any

from starlette.responses import Response

GEOJSON_TYPE = "application/geo+json"

GEOMETRY: dict[str, Any] = {
    "type": "object",
    "required": ["type"],
    "properties": {"type": {"type": "string"}},
}

FEATURE: dict[str, Any] = {
    "type": "object",
    "required": ["type", "geometry", "properties"],
    "properties": {
        "type": {"type": "string", "enum": ["Feature"]},
        "id": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
        "geometry": {"anyOf": [GEOMETRY, {"type": "null"}]},
        "properties": {"anyOf": [{"type": "object"}, {"type": "null"}]},
    },
}

FEATURE_COLLECTION: dict[str, Any] = {
    "type": "object",
    "required": ["type", "features"],
    "properties": {
        "type": {"type": "string", "enum": ["FeatureCollection"]},
        "features": {"type": "array", "items": {"$ref": "#/components/schemas/GeoJsonFeature"}},
    },
}
COMPONENTS = {"GeoJsonFeature": FEATURE, "GeoJsonFeatureCollection": FEATURE_COLLECTION}
FEATURE_REF = {"$ref": "#/components/schemas/GeoJsonFeature"}
FEATURE_COLLECTION_REF = {"$ref": "#/components/schemas/GeoJsonFeatureCollection"}


class GeoJsonResponse(Response):
    media_type = GEOJSON_TYPE


def geojson_answer(description: str, schema: dict[str, Any]) -> dict[int | str, dict[str, Any]]:
    """The `responses=` entry of a 200 that answers GeoJSON `schema`."""
    return {200: {"description": description, "content": {GEOJSON_TYPE: {"schema": schema}}}}


def declare_geojson_schemas(schema: dict[str, Any]) -> None:
    """Adds the components the GeoJSON answers refer to."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for name, component in COMPONENTS.items():
        components.setdefault(name, component)

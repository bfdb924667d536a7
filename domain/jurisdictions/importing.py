"""Turning a GeoJSON FeatureCollection into areas, or refusing it whole with reasons."""

import math
from dataclasses import dataclass
from typing import Any

import shapely
from shapely.geometry import MultiPolygon, Polygon, shape
from shapely.geometry.base import BaseGeometry

from domain.shared.errors import FieldError, ValidationFailed

MAX_REPORTED = 50


@dataclass(frozen=True)
class ParsedArea:
    code: str
    name: str
    properties: dict[str, Any]
    geometry: BaseGeometry
    repaired: bool


def parse_collection(
    collection: object, code_property: str, name_property: str
) -> list[ParsedArea]:
    """Every feature must be a (Multi)Polygon in WGS84 range with a code and a name.

    Invalid rings are repaired with make_valid (and counted); any other fault refuses the
    whole import, naming the features at fault.
    """
    features = _features(collection)
    errors: list[FieldError] = []
    areas: list[ParsedArea] = []
    seen_properties: set[str] = set()
    for index, feature in enumerate(features):
        where = f"features[{index}]"
        try:
            area = _parse_feature(feature, code_property, name_property, seen_properties)
        except ValueError as fault:
            errors.append(FieldError(where, str(fault)))
            continue
        areas.append(area)
    if not features:
        errors.append(FieldError("features", "the collection holds no features"))
    _check_properties_exist(seen_properties, code_property, name_property, errors)
    if errors:
        raise ValidationFailed(errors[:MAX_REPORTED])
    return _merge_repeated_codes(areas)


def _merge_repeated_codes(areas: list[ParsedArea]) -> list[ParsedArea]:
    """A place listed once per county it touches (Census places do) becomes one area."""
    by_code: dict[str, list[ParsedArea]] = {}
    for area in areas:
        by_code.setdefault(area.code, []).append(area)
    merged = []
    for parts in by_code.values():
        if len(parts) == 1:
            merged.append(parts[0])
            continue
        union = shapely.union_all([p.geometry for p in parts])
        geometry = union if union.is_valid else _repair(union)
        first = parts[0]
        repaired = any(p.repaired for p in parts)
        merged.append(ParsedArea(first.code, first.name, first.properties, geometry, repaired))
    return merged


def _features(collection: object) -> list[Any]:
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        raise ValidationFailed.single("body", "must be a GeoJSON FeatureCollection")
    features = collection.get("features")
    if not isinstance(features, list):
        raise ValidationFailed.single("features", "must be a list of features")
    return features


def _check_properties_exist(
    seen: set[str], code_property: str, name_property: str, errors: list[FieldError]
) -> None:
    for parameter, name in (("code_property", code_property), ("name_property", name_property)):
        if seen and name not in seen:
            errors.insert(0, FieldError(parameter, f"no feature has a property named {name!r}"))


def _parse_feature(
    feature: object, code_property: str, name_property: str, seen: set[str]
) -> ParsedArea:
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        raise ValueError("is not a GeoJSON Feature")
    properties = feature.get("properties") or {}
    if not isinstance(properties, dict):
        raise ValueError("properties must be an object")
    seen.update(properties)
    code = _text(properties.get(code_property), code_property)
    name = _text(properties.get(name_property), name_property)
    geometry, repaired = _polygonal(feature.get("geometry"))
    return ParsedArea(code, name, properties, geometry, repaired)


def _text(value: object, prop: str) -> str:
    if value is None or isinstance(value, dict | list) or str(value).strip() == "":
        raise ValueError(f"has no {prop!r} property")
    return str(value).strip()


def _polygonal(raw: object) -> tuple[BaseGeometry, bool]:
    if not isinstance(raw, dict) or raw.get("type") not in ("Polygon", "MultiPolygon"):
        kind = raw.get("type") if isinstance(raw, dict) else type(raw).__name__
        raise ValueError(f"is a {kind}, not a Polygon or MultiPolygon")
    _check_coordinates(raw.get("coordinates"))
    try:
        geometry = shape({"type": raw["type"], "coordinates": _planar(raw["coordinates"])})
    except (ValueError, TypeError, AttributeError, shapely.errors.GEOSException):
        raise ValueError("has malformed coordinates") from None
    if geometry.is_empty:
        raise ValueError("has an empty geometry")
    if geometry.is_valid:
        return geometry, False
    return _repair(geometry), True


def _planar(coordinates: Any) -> Any:
    """Keep longitude and latitude: elevation and measures (3D/4D positions) are dropped."""
    if coordinates and isinstance(coordinates[0], int | float):
        return list(coordinates[:2])
    return [_planar(item) for item in coordinates]


def _check_coordinates(coordinates: object) -> None:
    stack = [coordinates]
    while stack:
        item = stack.pop()
        if not isinstance(item, list | tuple):
            raise ValueError("has malformed coordinates")
        if item and all(isinstance(c, int | float) and not isinstance(c, bool) for c in item):
            _check_position(item)
        else:
            stack.extend(item)


def _check_position(position: list[Any] | tuple[Any, ...]) -> None:
    if len(position) < 2:
        raise ValueError("has a position with fewer than two numbers")
    lon, lat = float(position[0]), float(position[1])
    if not (math.isfinite(lon) and math.isfinite(lat)):
        raise ValueError("has a coordinate that is not a finite number")
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise ValueError(f"has a coordinate out of WGS84 range ({lon}, {lat})")


def _repair(geometry: BaseGeometry) -> BaseGeometry:
    fixed = shapely.make_valid(geometry)
    polygons = [
        g for g in getattr(fixed, "geoms", [fixed]) if isinstance(g, Polygon | MultiPolygon)
    ]
    parts: list[Polygon] = []
    for polygon in polygons:
        parts.extend(polygon.geoms if isinstance(polygon, MultiPolygon) else [polygon])
    if not parts:
        raise ValueError("has a geometry that cannot be repaired into a polygon")
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)

"""GeoJSON serialisation of stored areas (run in a worker thread: it is CPU work)."""

import json
from typing import Any

import shapely

from adapters.db.repositories.jurisdictions import contact_to_json
from domain.jurisdictions.model import AreaRecord

METRES_PER_DEGREE = 111_320.0


def _feature(record: AreaRecord, geometry: Any) -> dict[str, Any]:
    return {
        "type": "Feature",
        "id": record.ref.id,
        "properties": {
            "layer": record.ref.layer,
            "code": record.ref.code,
            "name": record.ref.name,
            "version": record.layer_version,
            "current": record.current,
            "contact": contact_to_json(record.contact),
            "source": record.properties,
        },
        "geometry": geometry,
    }


def layer_collection(rows: list[tuple[AreaRecord, bytes]], simplify_metres: float) -> bytes:
    geometries = shapely.from_wkb([wkb for _, wkb in rows]) if rows else []
    if simplify_metres > 0 and len(geometries):
        geometries = shapely.simplify(geometries, simplify_metres / METRES_PER_DEGREE)
    features = [
        _feature(record, json.loads(shapely.to_geojson(geometry)))
        for (record, _), geometry in zip(rows, geometries, strict=True)
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


def area_feature(record: AreaRecord, wkb: bytes) -> bytes:
    geometry = json.loads(shapely.to_geojson(shapely.from_wkb(wkb)))
    return json.dumps(_feature(record, geometry)).encode()

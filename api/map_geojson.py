"""GeoJSON of the intake map's reference layer, cut to the view and simplified for its zoom
(run in a worker thread: it is CPU work)."""

import json
from dataclasses import asdict
from typing import Any

import shapely

from domain.maps.reference import (
    AddressMark,
    BoundingBox,
    StreetRow,
    street_label,
    tolerance_degrees,
)

VIEW_MARGIN = 0.25  # of the view on each side, so a small pan needs no new request
COORDINATE_GRID = 0.00001  # degrees (about 1 m): the precision sent


def street_collection(rows: list[StreetRow], box: BoundingBox, zoom: int) -> bytes:
    tolerance = tolerance_degrees(zoom, (box.south + box.north) / 2)
    features = [_street_feature(row, box, tolerance) for row in rows]
    collection = {
        "type": "FeatureCollection",
        "features": [feature for feature in features if feature is not None],
        "attribution": "; ".join(sorted({row.source for row in rows if row.source})),
    }
    return json.dumps(collection, separators=(",", ":")).encode()


def _street_feature(row: StreetRow, box: BoundingBox, tolerance: float) -> dict[str, Any] | None:
    """The street cut to the view and its margin; its name goes where it crosses the view."""
    geometry = _cut(shapely.from_wkb(row.wkb), box.padded(VIEW_MARGIN), tolerance)
    if geometry is None:
        return None
    label = street_label(shapely.clip_by_rect(geometry, box.west, box.south, box.east, box.north))
    return {
        "type": "Feature",
        "properties": {
            "name": row.name,
            "rank": row.rank,
            "label": None if label is None else asdict(label),
        },
        "geometry": json.loads(shapely.to_geojson(geometry)),
    }


def _cut(geometry: Any, view: BoundingBox, tolerance: float) -> Any | None:
    cut = shapely.clip_by_rect(geometry, view.west, view.south, view.east, view.north)
    cut = shapely.set_precision(cut.simplify(tolerance, preserve_topology=False), COORDINATE_GRID)
    lines = [part for part in shapely.get_parts(cut) if part.geom_type == "LineString"]
    lines = [line for line in lines if not line.is_empty and line.length > 0]
    if not lines:
        return None
    return lines[0] if len(lines) == 1 else shapely.MultiLineString(lines)


def address_collection(marks: list[AddressMark], truncated: bool) -> bytes:
    features = [
        {
            "type": "Feature",
            "properties": {"address": mark.address, "house_number": mark.house_number},
            "geometry": {"type": "Point", "coordinates": [round(mark.long, 6), round(mark.lat, 6)]},
        }
        for mark in marks
    ]
    collection = {"type": "FeatureCollection", "features": features, "truncated": truncated}
    return json.dumps(collection, separators=(",", ":")).encode()

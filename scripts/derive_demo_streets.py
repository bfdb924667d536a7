"""Write the demo's reference streets (the intake map without tiles), from the shared data.

Usage: python scripts/derive_demo_streets.py [SHARED_DATA_DIR]   (default: ../shared/data)

Reads Baltimore's arterial and highway centerlines (`boundaries/baltimore/
streets_arterials_highways.geojson.gz`), joins the segments of each named street, simplifies
them (about 3 m) and rounds them to 5 decimals (about 1 m). Only the name and a rank are kept:
1 highways (Interstate, freeway), 2 principal arterials, 3 minor arterials. Deterministic.
Sources and terms: adapters/demo/ATTRIBUTION.md.
"""

import gzip
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import MultiLineString, mapping, shape
from shapely.ops import linemerge

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "adapters" / "demo" / "streets.geojson.gz"
SOURCE = "boundaries/baltimore/streets_arterials_highways.geojson.gz"
RANKS = {"INT": 1, "FWY": 1, "PART": 2, "MART": 3}
TOLERANCE = 0.00003  # degrees, about 3 m
GRID = 0.00001  # degrees, about 1 m


def read(path: Path) -> list[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        features: list[dict[str, Any]] = json.load(handle)["features"]
    return features


def joined(lines: list[Any]) -> Any:
    merged = linemerge(MultiLineString(lines))
    simple = shapely.set_precision(merged.simplify(TOLERANCE, preserve_topology=False), GRID)
    return json.loads(json.dumps(mapping(simple)))


def main(data: Path) -> None:
    by_street: dict[tuple[str, int], list[Any]] = defaultdict(list)
    for feature in read(data / SOURCE):
        name = " ".join((feature["properties"]["fullname"] or "").split())
        rank = RANKS[feature["properties"]["sha_class"]]
        if name:
            by_street[(name, rank)].append(shape(feature["geometry"]))
    features = [
        {"type": "Feature", "properties": {"name": name, "rank": rank}, "geometry": joined(lines)}
        for (name, rank), lines in sorted(by_street.items())
    ]
    body = json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"))
    with gzip.GzipFile(OUT, "wb", mtime=0) as handle:
        handle.write(body.encode())
    points = sum(len(shapely.get_coordinates(shape(f["geometry"]))) for f in features)
    print(f"{OUT.name}: {len(features)} streets, {points} points, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared" / "data")

"""Write the demo boundary layers that `make run` loads, from the shared public data.

Usage: python scripts/derive_demo_layers.py [SHARED_DATA_DIR]   (default: ../shared/data)

Geometries are simplified (about 5 m) and rounded to 6 decimals to keep the repository small;
properties are trimmed to the ones the demo uses. Sources and terms: adapters/demo/ATTRIBUTION.md.
"""

import gzip
import json
import sys
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import mapping, shape

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "adapters" / "demo" / "layers"
TOLERANCE = 0.00005  # degrees, about 5 m


def read(path: Path) -> dict[str, Any]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def simplified(geometry: dict[str, Any]) -> dict[str, Any]:
    geom = shape(geometry).simplify(TOLERANCE, preserve_topology=True)
    geom = shapely.set_precision(geom, 0.000001)
    if not geom.is_valid:
        geom = shapely.make_valid(geom)
    result: dict[str, Any] = mapping(geom)
    return json.loads(json.dumps(result))


def feature(properties: dict[str, Any], geometry: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "properties": properties, "geometry": simplified(geometry)}


def write(name: str, features: list[dict[str, Any]]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    body = json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"))
    with gzip.GzipFile(OUT / f"{name}.geojson.gz", "wb", mtime=0) as handle:
        handle.write(body.encode())
    print(f"{name}: {len(features)} features")


def keep(source: dict[str, Any], *names: str) -> dict[str, Any]:
    return {k: source[k] for k in names if k in source}


def main(data: Path) -> None:
    city = read(data / "boundaries/baltimore/city_boundary.geojson")
    write(
        "baltimore-city",
        [feature(keep(f["properties"], "geoid", "name"), f["geometry"]) for f in city["features"]],
    )
    districts = read(data / "boundaries/baltimore/council_districts_2012.geojson")
    write(
        "council-districts",
        [
            feature(keep(f["properties"], "id", "name"), f["geometry"])
            for f in districts["features"]
        ],
    )
    hoods = read(data / "boundaries/baltimore/neighborhoods.geojson.gz")
    write(
        "neighborhoods",
        [feature(keep(f["properties"], "name", "type"), f["geometry"]) for f in hoods["features"]],
    )
    counties = read(data / "boundaries/maryland/md_counties.geojson.gz")
    write(
        "maryland-counties",
        [
            feature(keep(f["properties"], "geoid", "name", "namelsad"), f["geometry"])
            for f in counties["features"]
            if f["properties"]["geoid"] != "24510"
        ],
    )
    places = read(data / "boundaries/maryland/md_census_places.geojson.gz")
    write(
        "maryland-municipalities",
        [
            feature(keep(f["properties"], "geoid", "name", "namelsad", "county"), f["geometry"])
            for f in places["features"]
            if f["properties"]["classfp"] == "C1"
        ],
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared" / "data")

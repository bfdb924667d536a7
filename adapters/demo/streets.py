"""The demo's reference streets for the intake map (see scripts/derive_demo_streets.py)."""

import asyncio
import gzip
import json
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import shape
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.tables.addresses import map_streets

STREETS = Path(__file__).with_name("streets.geojson.gz")
SOURCE = "Streets: Baltimore City open data, via elipousson/mapbaltimore"


def demo_street_rows() -> list[dict[str, Any]]:
    with gzip.open(STREETS, "rt", encoding="utf-8") as handle:
        features = json.load(handle)["features"]
    rows = []
    for feature in features:
        geometry = shape(feature["geometry"])
        west, south, east, north = geometry.bounds
        rows.append(
            {
                "name": feature["properties"]["name"],
                "rank": feature["properties"]["rank"],
                "source": SOURCE,
                "geometry": shapely.to_wkb(geometry),
                "min_x": west,
                "min_y": south,
                "max_x": east,
                "max_y": north,
            }
        )
    return rows


async def load_demo_streets(db: AsyncConnection) -> None:
    await db.execute(insert(map_streets), await asyncio.to_thread(demo_street_rows))

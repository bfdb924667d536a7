"""The batch look-up on Baltimore's real layers agrees with the per-point rule.

Four layers in one index (the city, its council districts, neighborhoods and the 2020 census
blocks, from the shared public data): thousands of random points in and around the city, plus
points on the areas' own vertices and edge midpoints (shared borders), and points outside every
area. Each point's areas, in the batch, are those `hits_at` gives and those a plain scan finds
with `intersects` (a point on a border is in both areas).
"""

import gzip
import json
import random
from pathlib import Path

import numpy as np
import pytest
import shapely

from adapters.geo.index import BULK_POINTS, AreaIndex, IndexedArea
from domain.jurisdictions.model import AreaHit, AreaRef, LayerRole
from tests.shared_data import SHARED_DATA

BALTIMORE = SHARED_DATA / "boundaries" / "baltimore"
LAYERS = [
    "city_boundary.geojson",
    "council_districts_2012.geojson",
    "neighborhoods.geojson.gz",
    "census_blocks_2020.geojson.gz",
]


def load(path: Path) -> list[shapely.Geometry]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        features = json.load(handle)["features"]
    return list(shapely.from_geojson([json.dumps(f["geometry"]) for f in features]))


@pytest.fixture(scope="module")
def geometries() -> list[shapely.Geometry]:
    if not BALTIMORE.exists():
        pytest.skip(f"shared data not found at {BALTIMORE}")
    return [g for name in LAYERS for g in load(BALTIMORE / name)]


@pytest.fixture(scope="module")
def index(geometries: list[shapely.Geometry]) -> AreaIndex:
    areas = [
        IndexedArea(
            AreaHit(AreaRef(i, "layer", f"a{i}", f"Area {i}"), LayerRole.INFO, "area", g.area),
            g,
        )
        for i, g in enumerate(geometries)
    ]
    return AreaIndex(areas)


def sample_points(geometries: list[shapely.Geometry], count: int) -> list[tuple[float, float]]:
    rng = random.Random(17)
    min_x, min_y, max_x, max_y = shapely.total_bounds(geometries).tolist()
    margin = 0.02  # some points fall outside every area
    points = [
        (rng.uniform(min_y - margin, max_y + margin), rng.uniform(min_x - margin, max_x + margin))
        for _ in range(count)
    ]
    for geometry in rng.sample(geometries, 300):
        ring = shapely.get_coordinates(shapely.get_exterior_ring(shapely.get_geometry(geometry, 0)))
        at = rng.randrange(len(ring) - 1)
        vertex, following = ring[at], ring[at + 1]
        middle = (vertex + following) / 2
        points += [(float(vertex[1]), float(vertex[0])), (float(middle[1]), float(middle[0]))]
    points += [(0.0, 0.0), (max_y + 1, max_x + 1)]
    return points


def scanned(geometries: list[shapely.Geometry], lat: float, long: float) -> list[int]:
    found = shapely.intersects(np.asarray(geometries, dtype=object), shapely.Point(long, lat))
    return np.flatnonzero(found).tolist()


def test_the_batch_agrees_with_the_per_point_rule_on_real_layers(
    geometries: list[shapely.Geometry], index: AreaIndex
) -> None:
    points = sample_points(geometries, 3000)
    batch = index.hits_at_many(points)
    assert len(points) > BULK_POINTS
    assert [[h.ref.id for h in hits] for hits in batch] == [
        [h.ref.id for h in index.hits_at(lat, long)] for lat, long in points
    ]
    checked = points[::7] + points[3000:]  # the scan is slow: a seventh, and every border point
    by_point = dict(zip(points, batch, strict=True))
    for lat, long in checked:
        assert [h.ref.id for h in by_point[(lat, long)]] == scanned(geometries, lat, long)
    assert sum(1 for hits in batch if not hits) > 100
    assert sum(1 for hits in batch if len(hits) >= 4) > 1000


def test_small_batches_agree_with_one_large_batch_on_real_layers(
    geometries: list[shapely.Geometry], index: AreaIndex
) -> None:
    points = sample_points(geometries, 1000)
    small = [
        hits
        for start in range(0, len(points), 50)
        for hits in index.hits_at_many(points[start : start + 50])
    ]
    assert index.hits_at_many(points) == small

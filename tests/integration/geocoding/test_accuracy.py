"""Accuracy on real addresses: the Baltimore 311 sample, typed the way people type.

The table holds every canonical address of the sample (adapters/demo/addresses.py: rows with
placeholder coordinates dropped; one point per house number + street + zip), imported through
the CSV importer into PostgreSQL and searched through the live geocoder.

Search: a seeded sample of 600 of those addresses, each rebuilt as a query with changes people
make (bench/address_queries.py): suffix and directional written out or abbreviated, one typo
in the street name, the suffix or the zip left out, ", Baltimore, MD" added, the streets of an
intersection swapped. Right = the first answer is that address; when the query leaves the
zip out, the same address under another zip is right too, as nothing could tell them apart.

Reverse: 1,000 addresses, each moved up to 30 m in a seeded random direction. The address
sought is the nearest known one to the moved point (what reverse promises). Right = that
address, checked by brute force, not by the geocoder's grid. How often it is also the address
that was moved is printed beside it: 29% of the sample's addresses have another within 30 m,
so a 30 m move often lands nearer a neighbour; no look-up by position can undo that.
"""

import random
from bisect import bisect_left, bisect_right
from collections import Counter

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.demo.addresses import SAMPLE, csv_text, sample_points
from adapters.geocoding import IndexedGeocoder, build_geocoder
from adapters.geocoding.importer import import_addresses_csv
from bench.address_queries import Query, perturbed_queries
from domain.addresses.geodesy import METRES_PER_DEGREE, destination, distance_m
from domain.addresses.model import AddressCandidate, AddressPoint
from domain.addresses.normalize import parse_address
from tests.shared_data import SHARED_DATA

SHARED = SHARED_DATA.parent
TARGET = 0.95
QUERIES = 600
JITTERED = 1_000
JITTER_M = 30.0
SAME_SPOT_M = 5.0  # two addresses this close are one spot to a position (one rowhouse)


@pytest.fixture(scope="module")
def points() -> list[AddressPoint]:
    return sample_points(SHARED / "data" / SAMPLE)


@pytest.fixture
async def geocoder(seeded: AsyncEngine, points: list[AddressPoint]) -> IndexedGeocoder:
    result = await import_addresses_csv(seeded, csv_text(points), replace=True)
    assert (result.imported, result.skipped) == (len(points), 0)
    geocoder = build_geocoder(seeded)
    await geocoder.refresh()
    return geocoder


def test_the_table_is_the_sample_made_canonical(points: list[AddressPoint]) -> None:
    keys = [(parse_address(p.address).key, p.zip) for p in points]
    assert len(keys) == len(set(keys)) == 8115
    assert not any(p.lat.is_integer() and p.long.is_integer() for p in points)
    crossings = sum(parse_address(p.address).is_intersection for p in points)
    assert crossings == 354  # 352 with &, and two written CHESTER / MONUMENT


def is_right(found: list[AddressCandidate], query: Query) -> bool:
    if not found:
        return False
    first, target = found[0], query.target
    same = parse_address(first.address).key == parse_address(target.address).key
    return same and (first.zip == target.zip or "no zip" in query.changes)


async def test_top_1_of_perturbed_queries(
    geocoder: IndexedGeocoder, points: list[AddressPoint]
) -> None:
    queries = perturbed_queries(points, QUERIES, seed=311)
    right, total = Counter[str](), Counter[str]()
    for query in queries:
        found = await geocoder.search(query.text, 5)
        for change in {*query.changes, "all"}:
            total[change] += 1
            right[change] += is_right(found, query)

    lines = [f"  {c:24} {right[c]:4}/{total[c]:<4} {right[c] / total[c]:.3f}" for c in total]
    report = "top-1 of perturbed queries, by change:\n" + "\n".join(sorted(lines))
    print(report)
    assert len({q.target for q in queries}) == QUERIES
    for change in ("typo", "no suffix", "no zip", "city", "suffix written out"):
        assert total[change] >= QUERIES // 5, f"too few queries with {change}"
    assert right["all"] / total["all"] >= TARGET, report


class Nearest:
    """Brute force over a latitude band: independent of the geocoder's grid."""

    def __init__(self, points: list[AddressPoint]) -> None:
        self.points = sorted(points, key=lambda p: p.lat)
        self.lats = [p.lat for p in self.points]

    def distance(self, lat: float, long: float, reach_m: float) -> float:
        band = reach_m / METRES_PER_DEGREE
        low, high = bisect_left(self.lats, lat - band), bisect_right(self.lats, lat + band)
        return min(distance_m(lat, long, p.lat, p.long) for p in self.points[low:high])


async def test_reverse_of_points_moved_up_to_30_m(
    geocoder: IndexedGeocoder, points: list[AddressPoint]
) -> None:
    rng = random.Random(2014)
    nearest = Nearest(points)
    outcome = Counter[str]()
    for point in rng.sample(points, JITTERED):
        moved = destination(point.lat, point.long, rng.uniform(0, 360), rng.uniform(0, JITTER_M))
        found = await geocoder.reverse(*moved)
        outcome[_judge(found, point, moved, nearest.distance(*moved, reach_m=100.0))] += 1

    moved_itself = outcome["the moved address"]
    same_spot = moved_itself + outcome["a neighbour at the same spot"]
    right = same_spot + outcome["a neighbour now nearer"]
    report = (
        f"reverse, {JITTERED} points moved up to {JITTER_M:g} m: {dict(outcome)}\n"
        f"  right (the nearest known address): {right / JITTERED:.3f}\n"
        f"  the moved address or one at its spot: {same_spot / JITTERED:.3f}\n"
        f"  the moved address itself: {moved_itself / JITTERED:.3f}"
    )
    print(report)
    assert outcome["nothing found"] == outcome["not the nearest"] == 0, report
    assert right / JITTERED >= TARGET, report


def _judge(
    found: AddressCandidate | None,
    point: AddressPoint,
    moved: tuple[float, float],
    nearest_m: float,
) -> str:
    if found is None:
        return "nothing found"
    found_m = distance_m(*moved, found.lat, found.long)
    if found_m > nearest_m + 1e-6:
        return "not the nearest"
    if (found.address, found.zip) == (point.address, point.zip):
        return "the moved address"
    if distance_m(point.lat, point.long, found.lat, found.long) <= SAME_SPOT_M:
        return "a neighbour at the same spot"  # no position tells them apart
    return "a neighbour now nearer"  # the move went more than halfway towards it

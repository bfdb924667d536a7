"""The STRtree index: which areas cover a point, on borders, in holes, one by one or in batches.

Synthetic geometries in lon/lat: a 2 x 1 rectangle split into two unit squares West (x 0..1)
and East (x 1..2) that share the edge x = 1; a square with a hole and an island in the hole;
a MultiPolygon of two far-apart squares.
"""

import random

import pytest
from shapely.geometry import MultiPolygon, Polygon, box
from shapely.geometry.base import BaseGeometry

from adapters.geo.index import BULK_POINTS, AreaIndex, IndexedArea
from domain.jurisdictions.model import AreaHit, AreaRef, LayerRole
from domain.jurisdictions.resolver import ServiceFacts, resolve

WEST = box(0, 0, 1, 1)
EAST = box(1, 0, 2, 1)
HOLED = Polygon(
    [(10, 10), (14, 10), (14, 14), (10, 14)], [[(11, 11), (13, 11), (13, 13), (11, 13)]]
)
ISLAND = box(11.5, 11.5, 12.5, 12.5)
TWO_PARTS = MultiPolygon([box(20, 0, 21, 1), box(30, 0, 31, 1)])
TALL = box(40, 0, 41, 10)  # 1 wide (longitude), 10 high (latitude)

POTHOLE = ServiceFacts("pothole", "Pothole", "Streets", "transportation", "Transportation")


def indexed(
    area_id: int, code: str, geometry: BaseGeometry, role: LayerRole = LayerRole.SERVED
) -> IndexedArea:
    ref = AreaRef(area_id, "districts", code, f"District {code}")
    return IndexedArea(AreaHit(ref, role, "district", geometry.area), geometry)


AREAS = [
    indexed(1, "west", WEST),
    indexed(2, "east", EAST),
    indexed(3, "holed", HOLED),
    indexed(4, "island", ISLAND),
    indexed(5, "parts", TWO_PARTS),
    indexed(6, "tall", TALL),
]


def codes(hits: list[AreaHit]) -> list[str]:
    return [h.ref.code for h in hits]


@pytest.fixture(scope="module")
def index() -> AreaIndex:
    return AreaIndex(AREAS)


@pytest.mark.parametrize(
    ("lat", "long", "expected"),
    [
        (0.5, 0.5, ["west"]),
        (0.5, 1.5, ["east"]),
        (0.5, 2.5, []),
        (-0.5, 0.5, []),
        (10.5, 10.5, ["holed"]),
        (11.2, 11.2, []),  # in the hole, off the island
        (12.0, 12.0, ["island"]),  # in the hole, on the island
        (0.5, 20.5, ["parts"]),
        (0.5, 30.5, ["parts"]),
        (0.5, 25.0, []),  # between the two parts
        (9.5, 40.5, ["tall"]),  # lat 9.5 is inside; long 9.5 would not be
        (40.5, 9.5, []),
    ],
)
def test_hits_at_finds_the_areas_covering_a_point(
    index: AreaIndex, lat: float, long: float, expected: list[str]
) -> None:
    assert codes(index.hits_at(lat, long)) == expected


@pytest.mark.parametrize(
    ("lat", "long", "expected"),
    [
        (0.5, 1.0, {"west", "east"}),  # on the shared edge
        (1.0, 1.0, {"west", "east"}),  # the shared corner
        (0.0, 0.0, {"west"}),  # an outer vertex
        (1.0, 0.5, {"west"}),  # the outer edge
        (11.0, 12.0, {"holed"}),  # the edge of the hole belongs to the polygon
        (11.5, 11.5, {"island"}),  # the island's corner, inside the hole
        (1.0, 20.5, {"parts"}),  # the top edge of the first part
    ],
)
def test_a_point_on_a_boundary_is_covered_by_every_area_it_touches(
    index: AreaIndex, lat: float, long: float, expected: set[str]
) -> None:
    assert set(codes(index.hits_at(lat, long))) == expected


def test_the_shared_edge_gives_the_same_answer_every_time_and_in_any_insert_order() -> None:
    answers = []
    for seed in range(20):
        shuffled = AREAS[:]
        random.Random(seed).shuffle(shuffled)
        index = AreaIndex(shuffled)
        for _ in range(5):
            hits = index.hits_at(0.5, 1.0)
            assert sorted(codes(hits)) == ["east", "west"]
            answers.append(resolve(hits, [], POTHOLE, served_layers_exist=True))
    resolution = answers[0]
    assert answers == [resolution] * 100  # 5 look-ups on each of 20 rebuilt indexes
    assert [a.code for a in resolution.areas] == ["east", "west"]
    assert resolution.responsible.department == "transportation"
    # Equal sizes and layers: the tie is broken by the code, so "east" decides.
    assert resolution.explanation == (
        "The point lies in District east (district), which we serve; "
        "Pothole is handled by Transportation."
    )


def test_hits_at_lists_the_areas_in_index_order(index: AreaIndex) -> None:
    overlap = AreaIndex([indexed(9, "b", box(0, 0, 2, 2)), indexed(8, "a", box(0, 0, 1, 1))])
    assert codes(overlap.hits_at(0.5, 0.5)) == ["b", "a"]
    assert codes(index.hits_at(1.0, 1.0)) == ["west", "east"]


def test_an_empty_index_finds_nothing() -> None:
    empty = AreaIndex([])
    assert len(empty) == 0
    assert empty.hits_at(0.5, 0.5) == []
    assert empty.hits_at_many([(0.5, 0.5), (1, 1)]) == [[], []]
    assert empty.hits_at_many([]) == []


def test_len_counts_the_areas(index: AreaIndex) -> None:
    assert len(index) == 6


def test_hits_at_many_equals_hits_at_point_by_point_and_keeps_the_order(
    index: AreaIndex,
) -> None:
    rng = random.Random(311)
    points = [(rng.uniform(-1, 15), rng.uniform(-1, 42)) for _ in range(3000)]
    # Borders, corners, holes, repeats and points outside everything.
    points += [(0.5, 1.0), (1.0, 1.0), (11.2, 11.2), (12.0, 12.0), (0.5, 1.0), (-5.0, -5.0)]
    points += [(float(lat), float(long)) for lat in range(0, 15) for long in range(0, 42)]
    batch = index.hits_at_many(points)
    assert len(batch) == len(points)
    assert batch == [index.hits_at(lat, long) for lat, long in points]
    assert sum(1 for hits in batch if len(hits) > 1) > 0
    assert sum(1 for hits in batch if not hits) > 0
    assert index.hits_at_many([]) == []


def test_small_and_bulk_batches_find_the_same_areas(index: AreaIndex) -> None:
    """Below BULK_POINTS the points query the area tree; from it on, the areas query a tree
    of the points: both answer the same."""
    rng = random.Random(312)
    points = [(rng.uniform(-1, 15), rng.uniform(-1, 42)) for _ in range(BULK_POINTS * 2)]
    points += [(0.5, 1.0), (1.0, 1.0), (11.2, 11.2), (12.0, 12.0)]
    small = [
        hits
        for start in range(0, len(points), 10)
        for hits in index.hits_at_many(points[start : start + 10])
    ]
    assert index.hits_at_many(points) == small

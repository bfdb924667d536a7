"""The in-memory index: fuzzy word look-up, nearest points, and search over a small table."""

import pytest

from adapters.geocoding.grid import CELL_DEGREES, PointGrid
from adapters.geocoding.index import AddressIndex
from adapters.geocoding.vocabulary import Vocabulary, deletions
from domain.addresses.geodesy import destination, distance_m
from domain.addresses.model import AddressCandidate, AddressPoint

CITY_HALL = (39.2904, -76.6122)

TABLE = [
    AddressPoint("3400 GARRISON BLVD", "21215", 39.3320, -76.6850),
    AddressPoint("3401 GARRISON BLVD", "21215", 39.3322, -76.6852),
    AddressPoint("3400 HARRISON ST", "21230", 39.2700, -76.6000),
    AddressPoint("3400 GARRISON AVE", "21216", 39.3100, -76.7000),
    AddressPoint("100 N HOLLIDAY ST", "21202", 39.2909, -76.6104),
    AddressPoint("200 HOLLIDAY ST", "21202", 39.2904, -76.6107),
    AddressPoint("200 HOLLIDAY ST", "21201", 39.2905, -76.6108),
    AddressPoint("LIGHT ST & E MONTGOMERY ST", "21230", 39.2788, -76.6130),
    AddressPoint("1000 LIGHT ST", "21230", 39.2770, -76.6131),
    AddressPoint("2020 E NORTH AVE", "21213", 39.3114, -76.5870),
    AddressPoint("2020 W NORTH AVE", "21217", 39.3094, -76.6500),
]


@pytest.fixture(scope="module")
def index() -> AddressIndex:
    return AddressIndex(TABLE)


def addresses(found: list[AddressCandidate]) -> list[tuple[str, str | None, float]]:
    return [(c.address, c.zip, c.score) for c in found]


def test_deletions() -> None:
    assert deletions("ABC", 1) == {"ABC", "BC", "AC", "AB"}
    assert deletions("AB", 2) == {"AB", "A", "B"}


def test_the_vocabulary_finds_words_within_their_typos() -> None:
    vocabulary = Vocabulary(["GARRISON", "HARRISON", "HOLLIDAY", "OAK", "OX"])
    assert vocabulary.similar("GARRISON") == {"GARRISON": 1.0, "HARRISON": 0.875}
    assert vocabulary.similar("GARISON") == {"GARRISON": 0.875, "HARRISON": 0.75}
    assert vocabulary.similar("HOLIDAY") == {"HOLLIDAY": 0.875}
    assert vocabulary.similar("OAT") == {"OAK": pytest.approx(2 / 3)}
    assert vocabulary.similar("OY") == {}  # two letters: exact only
    assert vocabulary.similar("ZZZZZZ") == {}
    assert vocabulary.similar("GARRISONNN") == {"GARRISON": 0.8}  # two letters longer
    assert vocabulary.similar("GARRISONNNN") == {}  # three: too long for any known word


def test_search_ranks_the_exact_address_first(index: AddressIndex) -> None:
    assert addresses(index.search("3400 Garrison Boulevard", 3)) == [
        ("3400 GARRISON BLVD", "21215", 1.0),
        ("3400 GARRISON AVE", "21216", 0.85),
        ("3400 HARRISON ST", "21230", 0.7438),  # 3401 is not offered: 3400 exists
    ]


def test_search_tolerates_a_typo_and_a_missing_suffix(index: AddressIndex) -> None:
    assert addresses(index.search("3400 garisn", 2)) == [
        ("3400 GARRISON AVE", "21216", 0.6937),  # two typos, no suffix: 0.75 * 0.925
        ("3400 GARRISON BLVD", "21215", 0.6937),
    ]
    assert addresses(index.search("3400 garisn blvd", 1)) == [("3400 GARRISON BLVD", "21215", 0.75)]


def test_the_zip_tells_apart_one_address_in_two_zips(index: AddressIndex) -> None:
    assert addresses(index.search("200 Holliday St, Baltimore, MD 21201", 2)) == [
        ("200 HOLLIDAY ST", "21201", 1.0),
        ("200 HOLLIDAY ST", "21202", 0.9),
    ]
    tied = addresses(index.search("200 Holliday St", 2))
    assert sorted(tied) == [("200 HOLLIDAY ST", "21201", 1.0), ("200 HOLLIDAY ST", "21202", 1.0)]


def test_directionals_tell_apart_east_and_west(index: AddressIndex) -> None:
    assert addresses(index.search("2020 West North Avenue", 1)) == [
        ("2020 W NORTH AVE", "21217", 1.0)
    ]
    no_direction = addresses(index.search("2020 North Ave", 2))
    assert [score for *_, score in no_direction] == [0.925, 0.925]


def test_an_intersection_in_other_words(index: AddressIndex) -> None:
    assert addresses(index.search("Montgomery St and Light St", 1)) == [
        ("LIGHT ST & E MONTGOMERY ST", "21230", 0.9625)
    ]


def test_a_street_alone_lists_points_on_it(index: AddressIndex) -> None:
    assert addresses(index.search("Light St", 5)) == [
        ("1000 LIGHT ST", "21230", 0.775),
        ("LIGHT ST & E MONTGOMERY ST", "21230", 0.5),
    ]


def test_a_house_number_the_street_lacks_offers_its_neighbours(index: AddressIndex) -> None:
    # same block, 10 apart: 0.45 * 0.5 * 0.9 + 0.55
    assert addresses(index.search("1010 Light St", 5)) == [("1000 LIGHT ST", "21230", 0.7525)]


def test_nothing_found(index: AddressIndex) -> None:
    assert index.search("9 Nowhere Lane", 5) == []
    assert index.search("", 5) == []
    assert index.search("12345", 5) == []


def test_the_limit(index: AddressIndex) -> None:
    assert len(index.search("Garrison", 2)) == 2
    assert addresses(index.search("Garrison", 20)) == [
        ("3400 GARRISON AVE", "21216", 0.7169),
        ("3400 GARRISON BLVD", "21215", 0.7169),
        ("3401 GARRISON BLVD", "21215", 0.7169),
        ("3400 HARRISON ST", "21230", 0.6273),
    ]


def test_nearest_within_reach(index: AddressIndex) -> None:
    lat, long = destination(39.2904, -76.6107, 180.0, 12.0)  # 12 m south of 200 HOLLIDAY ST
    found = index.nearest(lat, long, 100.0)
    assert found is not None
    assert (found.address, found.zip) == ("200 HOLLIDAY ST", "21202")
    assert found.score == round(1 - distance_m(lat, long, 39.2904, -76.6107) / 100, 4) == 0.88


def test_nothing_nearer_than_the_reach(index: AddressIndex) -> None:
    lat, long = destination(*CITY_HALL, 180.0, 400.0)
    assert index.nearest(lat, long, 100.0) is None


def test_the_grid_looks_across_cell_edges() -> None:
    edge = 39.0 + 10 * CELL_DEGREES  # a point just over a cell edge from the one asked about
    grid = PointGrid([(edge + 1e-7, -76.6), (edge + 5 * CELL_DEGREES, -76.6)])
    assert grid.nearest(edge - 1e-7, -76.6, 100.0) == (0, pytest.approx(0.0222, abs=1e-4))
    assert grid.nearest(edge - 0.0005, -76.6, 50.0) is None


def test_the_grid_reaches_further_east_west_at_high_latitudes() -> None:
    """At 60 degrees a degree of longitude is half as long: 100 m spans twice the cells."""
    there = destination(60.0, 10.0, 90.0, 95.0)
    grid = PointGrid([there])
    assert grid.nearest(60.0, 10.0, 100.0) == (0, pytest.approx(95.0))


def test_ties_go_to_the_first_point() -> None:
    grid = PointGrid([CITY_HALL, CITY_HALL])
    assert grid.nearest(*CITY_HALL, 10.0) == (0, 0.0)


def test_an_empty_index() -> None:
    empty = AddressIndex([])
    assert len(empty) == 0
    assert empty.search("3400 Garrison Blvd", 5) == []
    assert empty.nearest(*CITY_HALL, 100.0) is None

"""Scoring a known address against a typed one, and picking an answer only when it is clear."""

import pytest

from domain.addresses.edits import allowed_edits, edit_distance
from domain.addresses.matching import (
    ACCEPT,
    MARGIN,
    number_similarity,
    pick_unambiguous,
    score,
    token_similarity,
)
from domain.addresses.model import AddressCandidate
from domain.addresses.normalize import parse_address

GARRISON = parse_address("3400 GARRISON BLVD", "21215")


def score_of(
    typed: str, known: str = "3400 GARRISON BLVD", zip_code: str | None = "21215"
) -> float:
    return score(parse_address(typed), parse_address(known, zip_code))


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("3400 Garrison Boulevard", 1.0),
        ("3400 GARRISON BLVD, Baltimore, MD 21215", 1.0),
        ("3400 garrison", 0.925),  # suffix left out: 0.7 + 0.15 * 0.5 + 0.15
        ("3400 N Garrison Blvd", 0.925),  # a directional the street does not have
        ("3400 Garison Blvd", 0.875),  # one typo in 8 letters: 7/8
        ("3400 Garrison Blvd 21216", 0.9),  # the wrong zip costs its 10%
        ("3400 Garrison Ave", 0.85),  # the wrong suffix
        ("3400 Garrison Blvd Baltimore", 0.64),  # city read as a name word: 8 / (8 + 9/2)
        ("3405 Garrison Blvd", 0.7638),  # same block: 0.45 * 0.5 * 0.95 + 0.55
        ("Garrison Blvd", 0.775),  # a street, not a house: 0.45 * 0.5 + 0.55
        ("4400 Garrison Blvd", 0.5905),  # another block: 0.45 * 0.1 * 0.9 + 0.55
        ("3400 Harford Rd", 0.0),
    ],
)
def test_reference_scores(typed: str, expected: float) -> None:
    assert score_of(typed) == expected


def test_the_same_number_on_another_street_is_worth_nothing() -> None:
    assert score_of("3400 Kenyon Ave") == 0.0


def test_the_wrong_directional_is_another_place() -> None:
    """0.7 + 0.15 * 1 (suffix) + 0.15 * -1 (directional): never picked on its own."""
    assert score_of("400 S Chester St", "400 N CHESTER ST", None) == 0.7
    assert score_of("400 Chester St", "400 N CHESTER ST", None) == 0.925
    wrong = AddressCandidate("400 N CHESTER ST", None, 39.29, -76.58, 0.7)
    assert pick_unambiguous([wrong]) is None


def test_a_typed_word_matching_nothing_counts_against_a_candidate() -> None:
    """ "South Hirh Street" is S HIGH ST with a typo, not SOUTH ST with a stray word."""
    typed = "100 South Hirh Street"
    assert score_of(typed, "100 S HIGH ST", None) == 0.75  # one typo in 4 letters
    assert score_of(typed, "100 SOUTH ST", None) == 0.6429  # 5 * 0.9 / (5 + 4/2)


def test_a_suffix_read_as_a_name_word_still_matches() -> None:
    # name (3 + 5 * 0.9) / 8, suffix left out: x (0.7 + 0.15 * 0.5 + 0.15)
    assert score_of("1000 Old Court", "1000 OLD COURT RD", None) == 0.8672


def test_names_run_together_or_apart() -> None:
    assert score_of("4000 Green Mount Ave", "4000 GREENMOUNT AVE", None) == 1.0


def test_intersections() -> None:
    crossing = "LIGHT ST & E MONTGOMERY ST"
    # the mean of its streets: (0.925 without the directional + 1) / 2
    assert score_of("Montgomery Street and Light Street", crossing, None) == 0.9625
    assert score_of("E Montgomery St & Light St", crossing, None) == 1.0
    assert score_of("Light St", crossing, None) == 0.5  # one of the two streets
    assert score_of("100 Light St", crossing, None) == 0.3313


@pytest.mark.parametrize(
    ("typed", "known", "expected"),
    [
        ("12", "12", 1.0),
        ("", "", 1.0),
        ("12A", "12", 0.8),
        ("12", "12B", 0.8),
        ("3450", "3400", 0.25),
        ("3499", "3400", 0.005),
        ("4400", "3400", 0.09),
        ("", "3400", 0.5),
        ("3400", "", 0.25),
    ],
)
def test_number_similarity(typed: str, known: str, expected: float) -> None:
    assert number_similarity(typed, known) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("typed", "known", "expected"),
    [
        ("GARRISON", "GARRISON", 1.0),
        ("GARISON", "GARRISON", 0.875),  # a letter left out
        ("GARRIOSN", "GARRISON", 0.875),  # two letters swapped: one edit
        ("GARRSIN", "GARRISON", 0.75),  # two edits
        ("GRASON", "GARRISON", 0.0),  # three edits: too many
        ("OAK", "OAT", 2 / 3),
        ("OK", "OX", 0.0),  # two letters: no typo allowed
        ("33RD", "34TH", 0.0),  # numbers must match exactly
        ("33RD", "33RD", 1.0),
    ],
)
def test_token_similarity(typed: str, known: str, expected: float) -> None:
    assert token_similarity(typed, known) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("", "", 0),
        ("ABC", "", 3),
        ("KITTEN", "SITTING", 3),
        ("CA", "AC", 1),
        ("ABCD", "ACBD", 1),
        ("GARRISON", "HARRISON", 1),
    ],
)
def test_edit_distance(a: str, b: str, distance: int) -> None:
    assert edit_distance(a, b, 5) == distance
    assert edit_distance(b, a, 5) == distance


def test_edit_distance_stops_past_its_limit() -> None:
    assert edit_distance("KITTEN", "SITTING", 1) == 2
    assert edit_distance("A", "ABCDEFG", 2) == 3


def test_allowed_edits_grow_with_the_word() -> None:
    assert [allowed_edits(n) for n in range(1, 9)] == [0, 0, 1, 1, 1, 2, 2, 2]


def candidate(address: str, value: float) -> AddressCandidate:
    return AddressCandidate(address, "21215", 39.3, -76.6, value)


def test_pick_unambiguous_takes_a_clear_winner() -> None:
    best = candidate("3400 GARRISON BLVD", 0.875)
    assert pick_unambiguous([candidate("3400 HARRISON ST", 0.6), best]) == best
    assert pick_unambiguous([best]) == best


def test_pick_unambiguous_refuses_a_weak_or_a_close_call() -> None:
    assert pick_unambiguous([]) is None
    assert pick_unambiguous([candidate("3405 GARRISON BLVD", 0.7638)]) is None
    assert pick_unambiguous([candidate("A", 0.925), candidate("B", 0.925)]) is None
    assert pick_unambiguous([candidate("A", 0.95), candidate("B", 0.91)]) is None


def test_pick_unambiguous_thresholds() -> None:
    assert (ACCEPT, MARGIN) == (0.8, 0.05)
    at_threshold = candidate("A", ACCEPT)
    assert pick_unambiguous([at_threshold, candidate("B", ACCEPT - MARGIN)]) == at_threshold
    assert pick_unambiguous([candidate("A", ACCEPT - 0.0001)]) is None

"""Addresses found in a resident's own words."""

import pytest

from domain.addresses.in_text import addresses_in


@pytest.mark.parametrize(
    ("said", "found"),
    [
        ("The light at 100 Elm St has been out for a week.", ["100 Elm St"]),
        ("Hay un bache en 3400 N Charles Street, frente a la escuela", ["3400 N Charles Street"]),
        (
            "at 101 n. holliday st. and 200 E Lombard Street",
            ["101 n. holliday st", "200 E Lombard Street"],
        ),
        ("I called 3 times about the 12 cars", []),
        ("100 Elm St, again: 100 elm st", ["100 Elm St"]),
        ("", []),
    ],
)
def test_house_number_and_street_phrases_are_found(said: str, found: list[str]) -> None:
    assert addresses_in(said) == found


def test_at_most_three_are_kept() -> None:
    said = " ".join(f"{n} Elm St" for n in range(1, 6))
    assert addresses_in(said) == ["1 Elm St", "2 Elm St", "3 Elm St"]

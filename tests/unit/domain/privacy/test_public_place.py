"""How precisely the public is told where a request is."""

import pytest

from domain.privacy.disclosure import Disclosure
from domain.privacy.public_place import (
    AreaPoint,
    Place,
    PublicLocation,
    block_of,
    most_local,
    public_place,
)

HOME = Place(39.285741, -76.585613, "2125 EASTERN AVE", "21231")
CITY = AreaPoint("Baltimore City", 39.30, -76.61, 0.0215)
DISTRICT = AreaPoint("District 1", 39.28, -76.57, 0.0016)
CANTON = AreaPoint("Canton", 39.2813, -76.5754, 0.000125)
PARCEL = AreaPoint("Lot 7", 39.2857, -76.5856, 0.0000001)


def test_exact_is_the_place_as_recorded() -> None:
    assert public_place(PublicLocation.EXACT, HOME) == HOME


def test_block_names_the_hundred_block_and_moves_the_point_to_its_grid_cell() -> None:
    shown = public_place(PublicLocation.BLOCK, HOME)
    assert shown.address == "2100 block of EASTERN AVE"
    assert shown.zipcode == "21231"
    assert (shown.lat, shown.long) == (39.285, -76.585)
    # every house of the cell gets the same point: it points at none of them
    neighbour = Place(39.2841, -76.5859, "2101 EASTERN AVE")
    moved = public_place(PublicLocation.BLOCK, neighbour)
    assert (moved.lat, moved.long) == (shown.lat, shown.long)
    assert shown.lat is not None and shown.long is not None
    assert abs(shown.lat - 39.285741) < 0.0011 and abs(shown.long + 76.585613) < 0.0011


@pytest.mark.parametrize(
    ("address", "block"),
    [
        ("2125 EASTERN AVE", "2100 block of EASTERN AVE"),
        ("near 2125 EASTERN AVE", "2100 block of EASTERN AVE"),
        ("12 N Calvert St, Baltimore, MD 21202", "0 block of N Calvert St"),
        ("3401A Greenmount Ave Apt 2", "3400 block of Greenmount Ave"),
        ("3401-3405 E 33RD ST #4", "3400 block of E 33RD ST"),
        ("EASTERN AVE & S CHESTER ST", "EASTERN AVE & S CHESTER ST"),
        ("Rear of 12 N Calvert", None),
        ("12 N Calvert call 4105550177", None),
        ("", None),
        (None, None),
    ],
)
def test_block_of(address: str | None, block: str | None) -> None:
    assert block_of(address) == block


def test_area_names_the_most_local_area_wide_enough_and_its_point() -> None:
    shown = public_place(PublicLocation.AREA, HOME, [CITY, PARCEL, CANTON, DISTRICT])
    assert shown == Place(CANTON.lat, CANTON.long, "Canton", "21231")
    assert most_local([PARCEL]) is None


def test_area_without_any_area_shows_only_the_zip_code() -> None:
    assert public_place(PublicLocation.AREA, HOME, []) == Place(zipcode="21231")


def test_a_block_without_point_or_address_shows_what_there_is() -> None:
    assert public_place(PublicLocation.BLOCK, Place(zipcode="21231")) == Place(zipcode="21231")


def test_disclosure_masks_text_and_a_typed_address_but_not_a_street_named_like_the_reporter() -> (
    None
):
    rules = Disclosure()
    typed = Place(39.29, -76.61, "12 N Calvert St, call 410-555-0177")
    assert rules.place(typed).address == "12 N Calvert St, call [phone hidden]"
    said = "Mr Calvert at 410-555-0177"
    assert rules.text(said, names=["Calvert"]) == "Mr [name hidden] at [phone hidden]"
    assert Disclosure(mask_personal_data=False).text(said, ["Calvert"]) == said
    by_block = Disclosure(public_location=PublicLocation.BLOCK).place(typed)
    assert by_block.address == "0 block of N Calvert St"

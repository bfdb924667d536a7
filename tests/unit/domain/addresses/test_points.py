"""Rows of an address-table import: what is kept and why a row is refused."""

import math

import pytest

from domain.addresses.geodesy import destination, distance_m
from domain.addresses.model import AddressPoint
from domain.addresses.points import check_header, read_point
from domain.shared.errors import ValidationFailed


def row(
    address: str = "100 N Holliday St",
    zip_code: str = "21202",
    lat: str = "39.2904",
    long: str = "-76.6122",
) -> dict[str, str | None]:
    return {"address": address, "zip": zip_code, "lat": lat, "long": long}


def test_a_good_row() -> None:
    assert read_point(row()) == AddressPoint("100 N Holliday St", "21202", 39.2904, -76.6122)


def test_the_address_is_tidied_and_the_zip_shortened() -> None:
    point = read_point(row("  100  N Holliday St , Baltimore, MD", " 21202-1234 "))
    assert (point.address, point.zip) == ("100 N Holliday St", "21202")


def test_the_zip_may_be_empty() -> None:
    assert read_point(row(zip_code="")).zip is None
    assert read_point({"address": "1 Main St", "lat": "1", "long": "2"}).zip is None


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        (row(address=""), "the address is empty"),
        (row(address=" , "), "the address is empty"),
        (row(address="&"), "the address names no street"),
        (row(address="1 " + "A" * 200), "the address is longer than 200 characters"),
        (row(zip_code="2120"), "zip '2120' is not a US ZIP code"),
        (row(lat="north"), "lat 'north' is not a number"),
        (row(lat=""), "lat '' is not a number"),
        (row(lat="91"), "lat must be between -90 and 90"),
        (row(long="-180.5"), "long must be between -180 and 180"),
        (row(lat="nan"), "lat must be between -90 and 90"),
        (row(long="inf"), "long must be between -180 and 180"),
    ],
)
def test_bad_rows_say_why(bad: dict[str, str | None], reason: str) -> None:
    with pytest.raises(ValueError) as refused:
        read_point(bad)
    assert str(refused.value) == reason


def test_the_header_names_the_four_columns_in_any_order() -> None:
    check_header(["address", "zip", "lat", "long"])
    check_header([" LONG", "Lat ", "extra", "Zip", "Address"])


@pytest.mark.parametrize(
    ("header", "missing"),
    [
        (None, "address, zip, lat, long"),
        ([], "address, zip, lat, long"),
        (["address", "zip", "latitude", "longitude"], "lat, long"),
        (["street", "zip", "lat", "long"], "address"),
    ],
)
def test_a_header_without_them_refuses_the_file(header: list[str] | None, missing: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        check_header(header)
    assert [(e.field, e.message) for e in refused.value.errors] == [
        (
            "header",
            "the first line must name the columns address, zip, lat, long; missing: " + missing,
        )
    ]


def test_distances() -> None:
    assert distance_m(39.2904, -76.6122, 39.2904, -76.6122) == 0.0
    # one degree of latitude on the mean-radius sphere
    assert distance_m(39.0, -76.6, 40.0, -76.6) == pytest.approx(111_195.08, abs=0.01)
    # a degree of longitude shrinks with the cosine of the latitude
    assert distance_m(39.0, -77.0, 39.0, -76.0) == pytest.approx(
        111_195.08 * math.cos(math.radians(39.0)), rel=1e-4
    )


@pytest.mark.parametrize("bearing", [0.0, 45.0, 90.0, 180.0, 270.0, 333.0])
def test_destination_lands_at_the_distance_asked(bearing: float) -> None:
    lat, long = destination(39.2904, -76.6122, bearing, 30.0)
    assert distance_m(39.2904, -76.6122, lat, long) == pytest.approx(30.0, abs=1e-6)


def test_destination_heads_the_right_way() -> None:
    north = destination(39.2904, -76.6122, 0.0, 100.0)
    east = destination(39.2904, -76.6122, 90.0, 100.0)
    assert north[0] > 39.2904 and north[1] == pytest.approx(-76.6122)
    assert east[1] > -76.6122 and east[0] == pytest.approx(39.2904, abs=1e-6)

"""The intake map's reference layer: views, detail by zoom, and where street names go."""

import pytest
from shapely.geometry import LineString, MultiLineString

from domain.maps.reference import (
    BoundingBox,
    check_address_view,
    street_label,
    street_ranks,
    tolerance_degrees,
)
from domain.shared.errors import ValidationFailed


def test_a_view_is_read_as_leaflet_writes_it() -> None:
    box = BoundingBox.parse("-76.62,39.28,-76.60,39.30")
    assert box == BoundingBox(-76.62, 39.28, -76.60, 39.30)
    padded = box.padded(0.5)
    assert (padded.west, padded.south, padded.east, padded.north) == pytest.approx(
        (-76.63, 39.27, -76.59, 39.31)
    )


@pytest.mark.parametrize(
    "text",
    ["", "1,2,3", "a,b,c,d", "1,2,3,4,5", "-76.6,39.3,-76.7,39.4", "0,91,1,92", "nan,0,1,1"],
)
def test_a_view_that_is_not_a_box_is_refused(text: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        BoundingBox.parse(text)
    assert refused.value.errors[0].field == "bbox"


def test_fewer_streets_show_as_the_map_zooms_out() -> None:
    assert street_ranks(10) == ()
    assert street_ranks(11) == street_ranks(12) == (1, 2)
    assert street_ranks(13) == street_ranks(18) == (1, 2, 3)


def test_detail_is_half_a_pixel() -> None:
    assert tolerance_degrees(12, 39.3) == pytest.approx(0.000133, rel=0.01)  # about 15 m
    assert tolerance_degrees(13, 39.3) == pytest.approx(tolerance_degrees(12, 39.3) / 2)


def test_address_points_need_a_close_view() -> None:
    close = BoundingBox(-76.590, 39.284, -76.582, 39.288)
    check_address_view(close, 17)
    with pytest.raises(ValidationFailed):
        check_address_view(close, 16)
    with pytest.raises(ValidationFailed):
        check_address_view(BoundingBox(-76.7, 39.2, -76.5, 39.4), 18)


def test_a_name_is_written_halfway_along_the_longest_part_and_upright() -> None:
    short = LineString([(-76.70, 39.30), (-76.699, 39.30)])
    long = LineString([(-76.60, 39.29), (-76.58, 39.29)])
    label = street_label(MultiLineString([short, long]))
    assert label is not None
    assert (label.long, label.lat, label.angle) == pytest.approx((-76.59, 39.29, 0))
    backwards = street_label(LineString([(-76.58, 39.29), (-76.60, 39.29)]))
    assert backwards is not None and backwards.angle == pytest.approx(0)


def test_a_name_turns_with_its_street() -> None:
    north = street_label(LineString([(-76.6, 39.28), (-76.6, 39.30)]))
    south = street_label(LineString([(-76.6, 39.30), (-76.6, 39.28)]))
    assert north is not None and south is not None
    assert north.angle == south.angle == 90
    rising = street_label(LineString([(-76.61, 39.28), (-76.60, 39.29)]))
    assert rising is not None and -60 < rising.angle < -45  # up to the right, on screen


def test_nothing_to_label_gives_no_label() -> None:
    assert street_label(LineString()) is None

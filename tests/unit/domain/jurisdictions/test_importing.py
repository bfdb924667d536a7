"""Parsing a FeatureCollection into areas: what is accepted, repaired, or refused whole."""

import json
from typing import Any

import pytest
from shapely.geometry import MultiPolygon, Point, Polygon

from domain.jurisdictions.importing import MAX_REPORTED, ParsedArea, parse_collection
from domain.shared.errors import ValidationFailed

SQUARE = [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]
FAR_SQUARE = [[[5, 5], [6, 5], [6, 6], [5, 6], [5, 5]]]
BOWTIE = [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]
LINE = {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}


def polygon(rings: object = SQUARE) -> dict[str, Any]:
    return {"type": "Polygon", "coordinates": rings}


def feature(geometry: object, **properties: object) -> dict[str, Any]:
    props: dict[str, object] = {"code": "1", "name": "One"}
    props.update(properties)
    return {"type": "Feature", "properties": props, "geometry": geometry}


def collection(*features: object) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": list(features)}


def parse(body: object) -> list[ParsedArea]:
    return parse_collection(body, "code", "name")


def refusal(body: object, code: str = "code", name: str = "name") -> list[tuple[str, str]]:
    with pytest.raises(ValidationFailed) as caught:
        parse_collection(body, code, name)
    return [(e.field, e.message) for e in caught.value.errors]


# --- accepted ----------------------------------------------------------------------------------


def test_polygons_become_areas_with_code_name_and_all_properties() -> None:
    areas = parse(
        collection(
            feature(polygon(), code=" 24031 ", name="Montgomery", extra={"a": 1}),
            feature(polygon(FAR_SQUARE), code=7, name="Seven"),
        )
    )
    assert [(a.code, a.name, a.repaired) for a in areas] == [
        ("24031", "Montgomery", False),
        ("7", "Seven", False),
    ]
    assert areas[0].properties == {"code": " 24031 ", "name": "Montgomery", "extra": {"a": 1}}
    assert areas[0].geometry.equals(Polygon(SQUARE[0]))
    assert areas[1].geometry.area == 1.0


def test_a_multipolygon_is_accepted_as_it_is() -> None:
    multi = {"type": "MultiPolygon", "coordinates": [SQUARE, FAR_SQUARE]}
    (area,) = parse(collection(feature(multi)))
    assert isinstance(area.geometry, MultiPolygon)
    assert len(area.geometry.geoms) == 2
    assert area.geometry.area == 2.0
    assert not area.repaired


def test_a_polygon_with_a_hole_keeps_the_hole() -> None:
    hole = [[0.25, 0.25], [0.75, 0.25], [0.75, 0.75], [0.25, 0.75], [0.25, 0.25]]
    (area,) = parse(collection(feature(polygon([SQUARE[0], hole]))))
    assert area.geometry.area == 0.75
    assert not area.geometry.covers(Point(0.5, 0.5))
    assert area.geometry.covers(Point(0.1, 0.1))


def test_a_bowtie_is_repaired_into_two_triangles_and_counted() -> None:
    areas = parse(collection(feature(polygon(BOWTIE)), feature(polygon(), code="2")))
    assert [a.repaired for a in areas] == [True, False]
    bowtie = areas[0].geometry
    assert bowtie.is_valid
    assert isinstance(bowtie, MultiPolygon)
    assert len(bowtie.geoms) == 2
    assert bowtie.area == pytest.approx(0.5)
    assert bowtie.covers(Point(0.2, 0.5))
    assert not bowtie.covers(Point(0.5, 0.2))


def test_positions_with_an_altitude_are_accepted_and_flattened() -> None:
    rings = [[[0, 0, 12.5], [1, 0, 12.5], [1, 1, 13], [0, 1, 13], [0, 0, 12.5]]]
    (area,) = parse(collection(feature(polygon(rings))))
    assert area.geometry.area == 1.0
    assert not area.geometry.has_z
    assert area.geometry.covers(Point(0.5, 0.5))
    assert not area.repaired


def test_coordinates_on_the_edge_of_the_wgs84_range_are_accepted() -> None:
    rings = [[[-180, -90], [180, -90], [180, 90], [-180, 90], [-180, -90]]]
    (area,) = parse(collection(feature(polygon(rings))))
    assert area.geometry.area == 360 * 180


# --- refused whole, naming the features at fault -------------------------------------------


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ([], [("body", "must be a GeoJSON FeatureCollection")]),
        (feature(polygon()), [("body", "must be a GeoJSON FeatureCollection")]),
        ({"type": "FeatureCollection"}, [("features", "must be a list of features")]),
        (
            {"type": "FeatureCollection", "features": {}},
            [("features", "must be a list of features")],
        ),
        (collection(), [("features", "the collection holds no features")]),
    ],
    ids=["a list", "a bare feature", "no features member", "features not a list", "empty"],
)
def test_a_body_that_is_not_a_feature_collection_is_refused(
    body: object, errors: list[tuple[str, str]]
) -> None:
    assert refusal(body) == errors


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (feature(LINE), "is a LineString, not a Polygon or MultiPolygon"),
        (
            feature({"type": "Point", "coordinates": [0, 0]}),
            "is a Point, not a Polygon or MultiPolygon",
        ),
        (
            feature({"type": "GeometryCollection", "geometries": [polygon()]}),
            "is a GeometryCollection, not a Polygon or MultiPolygon",
        ),
        (feature(None), "is a NoneType, not a Polygon or MultiPolygon"),
        ({"type": "Feature", "geometry": polygon()}, "has no 'code' property"),
        (feature(polygon(), code=None), "has no 'code' property"),
        (feature(polygon(), code="   "), "has no 'code' property"),
        (feature(polygon(), code=["a"]), "has no 'code' property"),
        (feature(polygon(), name=""), "has no 'name' property"),
        (feature(polygon(), name={"en": "One"}), "has no 'name' property"),
        (
            {"type": "Feature", "properties": [1], "geometry": polygon()},
            "properties must be an object",
        ),
        ({"type": "Polygon", "coordinates": SQUARE}, "is not a GeoJSON Feature"),
        ("Feature", "is not a GeoJSON Feature"),
        (
            feature(polygon([[[0, 0], [181, 0], [1, 1], [0, 1], [0, 0]]])),
            "has a coordinate out of WGS84 range (181.0, 0.0)",
        ),
        (
            feature(polygon([[[0, 0], [1, -90.5], [1, 1], [0, 1], [0, 0]]])),
            "has a coordinate out of WGS84 range (1.0, -90.5)",
        ),
        (
            feature(polygon([[[0, 0], [1, 0], [1, 1], [0, 1], [0]]])),
            "has a position with fewer than two numbers",
        ),
        (feature(polygon("0 0, 1 1")), "has malformed coordinates"),
        (
            feature(polygon([[[0, 0], [1, "1"], [1, 1], [0, 1], [0, 0]]])),
            "has malformed coordinates",
        ),
        (
            feature(polygon([[[0, 0], [True, 0], [1, 1], [0, 1], [0, 0]]])),
            "has malformed coordinates",
        ),
        (feature(polygon([])), "has an empty geometry"),
        (
            feature(polygon([[[0, 0], [1, 0], [2, 0], [0, 0]]])),
            "has a geometry that cannot be repaired into a polygon",
        ),
    ],
    ids=[
        "linestring",
        "point",
        "geometry collection",
        "null geometry",
        "no properties",
        "null code",
        "blank code",
        "list code",
        "empty name",
        "object name",
        "properties a list",
        "bare geometry",
        "a string",
        "longitude 181",
        "latitude -90.5",
        "a one-number position",
        "coordinates a string",
        "a string number",
        "a boolean number",
        "no rings",
        "a flat ring",
    ],
)
def test_one_bad_feature_refuses_the_import_and_is_named_by_index(
    bad: object, message: str
) -> None:
    body = collection(feature(polygon(), code="ok"), bad)
    assert refusal(body) == [("features[1]", message)]


@pytest.mark.parametrize("raw", ["NaN", "Infinity", "-Infinity", "1e400"])
def test_non_finite_coordinates_are_refused(raw: str) -> None:
    text = (
        '{"type": "FeatureCollection", "features": [{"type": "Feature",'
        ' "properties": {"code": "1", "name": "One"}, "geometry": {"type": "Polygon",'
        f' "coordinates": [[[0, 0], [{raw}, 0], [1, 1], [0, 1], [0, 0]]]}}}}]}}'
    )
    assert refusal(json.loads(text)) == [
        ("features[0]", "has a coordinate that is not a finite number")
    ]


def test_every_feature_at_fault_is_named_in_order() -> None:
    body = collection(
        feature(polygon(), code="a"),
        feature(LINE, code="b"),
        feature(polygon(), code="c"),
        feature(polygon([[[0, 0], [0, 91], [1, 1], [0, 0]]]), code="d"),
        feature(polygon(), code="e", name=None),
    )
    assert refusal(body) == [
        ("features[1]", "is a LineString, not a Polygon or MultiPolygon"),
        ("features[3]", "has a coordinate out of WGS84 range (0.0, 91.0)"),
        ("features[4]", "has no 'name' property"),
    ]


def test_a_property_missing_on_some_features_names_only_those() -> None:
    body = collection(
        feature(polygon(), code="1", name="A"),
        {"type": "Feature", "properties": {"code": "2"}, "geometry": polygon()},
        feature(polygon(), code="3", name="C"),
        {"type": "Feature", "properties": {"name": "D"}, "geometry": polygon()},
    )
    assert refusal(body) == [
        ("features[1]", "has no 'name' property"),
        ("features[3]", "has no 'code' property"),
    ]


def test_a_property_no_feature_has_is_named_as_the_parameter() -> None:
    body = collection(feature(polygon()), feature(polygon(FAR_SQUARE)))
    assert refusal(body, code="geoid") == [
        ("code_property", "no feature has a property named 'geoid'"),
        ("features[0]", "has no 'geoid' property"),
        ("features[1]", "has no 'geoid' property"),
    ]
    both = refusal(body, code="geoid", name="namelsad")
    assert set(both[:2]) == {
        ("code_property", "no feature has a property named 'geoid'"),
        ("name_property", "no feature has a property named 'namelsad'"),
    }
    assert both[2:] == [
        ("features[0]", "has no 'geoid' property"),
        ("features[1]", "has no 'geoid' property"),
    ]


def test_at_most_fifty_faults_are_reported() -> None:
    body = collection(*[feature(LINE, code=str(i)) for i in range(120)])
    errors = refusal(body)
    assert len(errors) == MAX_REPORTED == 50
    assert errors[0] == ("features[0]", "is a LineString, not a Polygon or MultiPolygon")
    assert errors[-1][0] == "features[49]"


def test_positions_with_measures_and_mixed_dimensions_are_accepted() -> None:
    rings = [[[0, 0, 1, 7], [1, 0], [1, 1, 2], [0, 1, 3, 9], [0, 0, 1, 7]]]
    (area,) = parse(collection(feature(polygon(rings))))
    assert area.geometry.area == 1.0
    assert list(area.geometry.exterior.coords) == [(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)]


def test_features_repeating_a_code_become_one_area() -> None:
    left = [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]
    right = [[[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]]
    areas = parse(
        collection(
            feature(polygon(left), code="7", name="Twin"),
            feature(polygon(right), code="7", name="Twin"),
            feature(polygon(right), code="8", name="Other"),
        )
    )
    assert [(a.code, a.geometry.area) for a in areas] == [("7", 2.0), ("8", 1.0)]
    assert areas[0].geometry.covers(Point(0.5, 0.5)) and areas[0].geometry.covers(Point(1.5, 0.5))

"""Service attribute definitions: cleaning submitted values and checking the definitions."""

import math

import pytest

from domain.directory.catalog import (
    AttributeDefinition,
    AttributeOption,
    AttributeValue,
    Datatype,
    Service,
    SlaPolicy,
    check_definitions,
    is_slug,
)
from domain.shared.errors import ValidationFailed

SIZES = (AttributeOption("small", "Small"), AttributeOption("large", "Large"))
NUMBERED = (AttributeOption("1", "One"), AttributeOption("2", "Two"))


def definition(
    datatype: Datatype, values: tuple[AttributeOption, ...] = SIZES
) -> AttributeDefinition:
    is_list = datatype in (Datatype.SINGLE, Datatype.MULTI)
    return AttributeDefinition("attr", datatype, "An attribute", values=values if is_list else ())


def clean(datatype: Datatype, raw: object) -> AttributeValue:
    return definition(datatype).clean(raw)


def refusal(datatype: Datatype, raw: object, values: tuple[AttributeOption, ...] = SIZES) -> str:
    """The message of the ValueError that cleaning ``raw`` raises."""
    with pytest.raises(ValueError) as raised:
        definition(datatype, values).clean(raw)
    return str(raised.value)


def field_errors(error: ValidationFailed) -> list[tuple[str, str]]:
    return [(e.field, e.message) for e in error.errors]


# --- number ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (3, 3.0),
        (3.5, 3.5),
        ("3.5", 3.5),
        (" 42 ", 42.0),
        ("-0.25", -0.25),
        ("1e3", 1000.0),
        (0, 0.0),
    ],
)
def test_numbers_are_accepted_as_numbers_or_numeric_strings(raw: object, expected: float) -> None:
    value = clean(Datatype.NUMBER, raw)
    assert value == expected
    assert type(value) is float


@pytest.mark.parametrize(
    "raw",
    [
        True,
        False,
        "abc",
        "",
        "   ",
        "3,5",
        "NaN",
        "nan",
        "inf",
        "-Infinity",
        math.nan,
        math.inf,
        -math.inf,
        None,
        [1],
        {"n": 1},
    ],
)
def test_non_numbers_bools_nan_and_infinity_are_refused(raw: object) -> None:
    assert refusal(Datatype.NUMBER, raw) == "must be a number"


# --- datetime --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2026-06-15T10:30:00+00:00", "2026-06-15T10:30:00+00:00"),
        ("2026-06-15T10:30Z", "2026-06-15T10:30:00+00:00"),
        (" 2026-06-15T10:30:00-04:00 ", "2026-06-15T10:30:00-04:00"),
        ("2026-06-15 10:30", "2026-06-15T10:30:00"),
    ],
)
def test_datetimes_are_normalised_iso_strings(raw: str, expected: str) -> None:
    assert clean(Datatype.DATETIME, raw) == expected


@pytest.mark.parametrize(
    "raw", ["15/06/2026 10:30", "June 15, 2026", "2026-13-01T00:00", "", 1781519400, None]
)
def test_non_iso_datetimes_are_refused(raw: object) -> None:
    assert refusal(Datatype.DATETIME, raw) == "must be an ISO 8601 date-time"


# --- single and multi value lists ------------------------------------------------------------


def test_a_single_value_must_be_one_of_the_keys() -> None:
    assert clean(Datatype.SINGLE, "large") == "large"
    for raw in ("Large", "huge", "", ["large"], True):
        assert refusal(Datatype.SINGLE, raw) == "must be one of: small, large"


def test_integer_keys_may_be_given_as_integers_but_not_as_bools_or_floats() -> None:
    numbered = definition(Datatype.SINGLE, values=NUMBERED)
    assert numbered.clean(2) == "2"
    assert numbered.clean("1") == "1"
    for raw in (True, 1.0):
        assert refusal(Datatype.SINGLE, raw, NUMBERED) == "must be one of: 1, 2"


def test_multi_values_are_validated_and_deduplicated_in_order() -> None:
    assert clean(Datatype.MULTI, ["large", "small", "large"]) == ["large", "small"]
    assert clean(Datatype.MULTI, "small") == ["small"]
    assert refusal(Datatype.MULTI, ["small", "medium"]) == "must be one of: small, large"


# --- string and text -------------------------------------------------------------------------


def test_strings_are_trimmed_and_numbers_become_text() -> None:
    assert clean(Datatype.STRING, "  Main St  ") == "Main St"
    assert clean(Datatype.STRING, 12) == "12"
    assert clean(Datatype.TEXT, 2.5) == "2.5"


@pytest.mark.parametrize(("datatype", "limit"), [(Datatype.STRING, 500), (Datatype.TEXT, 4000)])
def test_text_length_limits(datatype: Datatype, limit: int) -> None:
    assert clean(datatype, "a" * limit) == "a" * limit
    assert clean(datatype, " " + "a" * limit + " ") == "a" * limit
    assert refusal(datatype, "a" * (limit + 1)) == f"must be at most {limit} characters"


@pytest.mark.parametrize("datatype", [Datatype.STRING, Datatype.TEXT])
@pytest.mark.parametrize("raw", [True, None, ["a"], {"a": 1}])
def test_non_text_is_refused(datatype: Datatype, raw: object) -> None:
    assert refusal(datatype, raw) == "must be text"


# --- a service's attributes ------------------------------------------------------------------


SERVICE = Service(
    code="pothole",
    name="Pothole",
    department_code="public-works",
    sla=SlaPolicy(24),
    attributes=[
        AttributeDefinition("size", Datatype.SINGLE, "Size", required=True, values=SIZES),
        AttributeDefinition("depth", Datatype.NUMBER, "Depth"),
        AttributeDefinition("seen_at", Datatype.DATETIME, "When seen"),
        AttributeDefinition("hazards", Datatype.MULTI, "Hazards", values=SIZES),
        AttributeDefinition("notice", Datatype.TEXT, "Read this first", variable=False),
    ],
)


def test_clean_attributes_returns_only_given_values_normalised() -> None:
    given: dict[str, object] = {
        "size": "small",
        "depth": "3.5",
        "seen_at": "2026-06-15T08:00Z",
        "hazards": ["large", "large"],
    }
    assert SERVICE.clean_attributes(given) == {
        "size": "small",
        "depth": 3.5,
        "seen_at": "2026-06-15T08:00:00+00:00",
        "hazards": ["large"],
    }


def test_optional_attributes_may_be_left_out_or_empty() -> None:
    given: dict[str, object] = {"size": "large", "depth": None, "seen_at": "", "hazards": []}
    assert SERVICE.clean_attributes(given) == {"size": "large"}


@pytest.mark.parametrize("missing", [{}, {"size": None}, {"size": ""}, {"size": []}])
def test_a_required_attribute_must_be_given(missing: dict[str, object]) -> None:
    with pytest.raises(ValidationFailed) as raised:
        SERVICE.clean_attributes(missing)
    assert field_errors(raised.value) == [("attributes.size", "is required")]


def test_unknown_and_non_variable_codes_are_refused_with_all_other_errors() -> None:
    given: dict[str, object] = {
        "colour": "red",
        "notice": "I read it",
        "size": "medium",
        "depth": True,
    }
    with pytest.raises(ValidationFailed) as raised:
        SERVICE.clean_attributes(given)
    assert field_errors(raised.value) == [
        ("attributes.colour", "is not an attribute of this service"),
        ("attributes.notice", "is not an attribute of this service"),
        ("attributes.size", "must be one of: small, large"),
        ("attributes.depth", "must be a number"),
    ]


def test_a_service_without_attributes_accepts_none() -> None:
    bare = Service("bulk-trash", "Bulk trash", "sanitation", SlaPolicy(48))
    assert bare.clean_attributes({}) == {}
    assert bare.has_metadata is False
    assert SERVICE.has_metadata is True
    with pytest.raises(ValidationFailed) as raised:
        bare.clean_attributes({"size": "small"})
    assert field_errors(raised.value) == [
        ("attributes.size", "is not an attribute of this service")
    ]


# --- check_definitions -----------------------------------------------------------------------


def test_sound_definitions_pass() -> None:
    check_definitions(SERVICE.attributes)
    check_definitions([])


def test_repeated_codes_are_refused() -> None:
    attributes = [
        AttributeDefinition("depth", Datatype.NUMBER, "Depth"),
        AttributeDefinition("note", Datatype.TEXT, "Note"),
        AttributeDefinition("depth", Datatype.STRING, "Depth again"),
    ]
    with pytest.raises(ValidationFailed) as raised:
        check_definitions(attributes)
    assert field_errors(raised.value) == [("attributes[2].code", "is repeated")]


@pytest.mark.parametrize("datatype", [Datatype.SINGLE, Datatype.MULTI])
def test_list_datatypes_need_values(datatype: Datatype) -> None:
    with pytest.raises(ValidationFailed) as raised:
        check_definitions([AttributeDefinition("kind", datatype, "Kind")])
    assert field_errors(raised.value) == [("attributes[0].values", "a list datatype needs values")]


@pytest.mark.parametrize(
    "datatype", [Datatype.STRING, Datatype.NUMBER, Datatype.DATETIME, Datatype.TEXT]
)
def test_other_datatypes_take_no_values(datatype: Datatype) -> None:
    with pytest.raises(ValidationFailed) as raised:
        check_definitions([AttributeDefinition("kind", datatype, "Kind", values=SIZES)])
    assert field_errors(raised.value) == [
        ("attributes[0].values", "only list datatypes take values")
    ]


def test_option_keys_must_be_unique() -> None:
    values = (AttributeOption("a", "A"), AttributeOption("b", "B"), AttributeOption("a", "A2"))
    with pytest.raises(ValidationFailed) as raised:
        check_definitions([AttributeDefinition("kind", Datatype.MULTI, "Kind", values=values)])
    assert field_errors(raised.value) == [("attributes[0].values", "keys must be unique")]


@pytest.mark.parametrize("code", ["", "has space", "x" * 65, "émoji", "a/b"])
def test_codes_are_limited_to_64_safe_characters(code: str) -> None:
    with pytest.raises(ValidationFailed) as raised:
        check_definitions([AttributeDefinition(code, Datatype.STRING, "Bad")])
    assert field_errors(raised.value) == [
        ("attributes[0].code", "must be 1-64 letters, digits, _ - .")
    ]


def test_every_problem_is_reported_at_once() -> None:
    attributes = [
        AttributeDefinition("kind", Datatype.SINGLE, "Kind"),
        AttributeDefinition("kind", Datatype.NUMBER, "Count", values=SIZES),
        AttributeDefinition("Ok_code-1.x", Datatype.STRING, "Fine"),
    ]
    with pytest.raises(ValidationFailed) as raised:
        check_definitions(attributes)
    assert field_errors(raised.value) == [
        ("attributes[0].values", "a list datatype needs values"),
        ("attributes[1].code", "is repeated"),
        ("attributes[1].values", "only list datatypes take values"),
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("public-works", True),
        ("311", True),
        ("Public-Works", False),
        ("public--works", False),
        ("-works", False),
        ("works-", False),
        ("", False),
        ("a" * 64, True),
        ("a" * 65, False),
    ],
)
def test_slugs(value: str, expected: bool) -> None:
    assert is_slug(value) is expected


def test_numbers_too_large_for_a_float_are_refused() -> None:
    service = Service(
        "pothole",
        "P",
        "public-works",
        SlaPolicy(12),
        attributes=[AttributeDefinition("depth", Datatype.NUMBER, "d")],
    )
    for raw in ("1e400", "-1e400", 10**400):
        with pytest.raises(ValidationFailed) as refused:
            service.clean_attributes({"depth": raw})
        assert refused.value.errors[0].field == "attributes.depth"


def test_a_blank_required_text_attribute_counts_as_missing() -> None:
    service = Service(
        "pothole",
        "P",
        "public-works",
        SlaPolicy(12),
        attributes=[AttributeDefinition("street", Datatype.STRING, "s", required=True)],
    )
    with pytest.raises(ValidationFailed) as refused:
        service.clean_attributes({"street": "   "})
    assert [(e.field, e.message) for e in refused.value.errors] == [
        ("attributes.street", "is required")
    ]

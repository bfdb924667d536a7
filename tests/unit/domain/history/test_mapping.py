"""Mapping files: the shipped ones are valid; a broken one is refused with every mistake."""

import copy
import json
from importlib import resources
from typing import Any

import pytest

from domain.history.mapping import MappingInvalid, StatusTranslation, parse_mapping
from domain.requests.model import CloseReason, Status
from domain.shared.vocabulary import Channel

SHIPPED = resources.files("adapters.history") / "mappings"


def shipped(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SHIPPED / f"{name}.json").read_text(encoding="utf-8"))
    return data


def test_the_baltimore_mapping_says_which_column_is_which() -> None:
    mapping = parse_mapping(shipped("baltimore"))
    assert mapping.source == "baltimore-311"
    assert mapping.columns.external_id == "ServiceRequestNum"
    assert mapping.columns.lat == "Latitude"
    assert mapping.date_formats == ("%m/%d/%Y %I:%M:%S %p",)
    assert mapping.time_zone == "America/New_York"
    assert mapping.statuses["Closed (Duplicate)"] == StatusTranslation(
        Status.CLOSED, CloseReason.DUPLICATE
    )
    assert mapping.statuses["Pending"] == StatusTranslation(Status.ON_HOLD)
    assert mapping.channels["Mail"] is Channel.LETTER
    assert mapping.match_type_names
    assert (mapping.other_service, mapping.other_department) == ("imported-other", "imported")
    assert mapping.departments["Solid Waste"] == "solid-waste"
    assert mapping.missing_points == frozenset({(39.0, -77.0)})


def test_the_boston_mapping_is_valid_and_unescapes_html() -> None:
    mapping = parse_mapping(shipped("boston"))
    assert mapping.columns.external_id == "case_enquiry_id"
    assert mapping.channels["Citizens Connect App"] is Channel.MOBILE
    assert mapping.unescape_html
    assert mapping.missing_points == frozenset()


def broken(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(shipped("baltimore"))
    for key, value in changes.items():
        data[key] = value
    return data


def problems_of(data: object) -> list[str]:
    with pytest.raises(MappingInvalid) as refused:
        parse_mapping(data)
    return refused.value.problems


def test_every_mistake_is_named_at_once() -> None:
    data = broken(
        source="",
        statuses={"Closed": "closed", "Open": "opened", "New": "new:resolved"},
        channels={"Phone": "telephone"},
        dates={"formats": [], "time_zone": "Mars/Olympus"},
        extra=1,
    )
    assert problems_of(data) == [
        "unknown key 'extra'",
        "source must be a non-empty string",
        "dates.formats must be a non-empty list of strptime formats or 'iso'",
        "dates.time_zone 'Mars/Olympus' is not a known time zone",
        "statuses['Closed']: closed needs a reason, e.g. closed:resolved",
        "statuses['Open']: 'opened' is not one of new, acknowledged, in_progress, on_hold, closed",
        "statuses['New']: only a closed status takes a reason",
        "channels['Phone']: 'telephone' is not a known value",
    ]


def test_columns_need_the_required_four_and_lat_with_long() -> None:
    columns = {"external_id": "id", "service": "type", "created": "opened", "long": "x"}
    problems = problems_of(broken(columns=columns))
    assert "columns.status must be a non-empty string" in problems
    assert "columns: lat and long go together" in problems


def test_no_channel_column_needs_a_default_channel() -> None:
    data = broken()
    del data["columns"]["channel"]
    assert problems_of(data) == [
        "without a channel column, default_channel says every row's channel"
    ]
    data["default_channel"] = "phone"
    assert parse_mapping(data).default_channel is Channel.PHONE


def test_services_and_departments_need_their_catch_all() -> None:
    problems = problems_of(broken(services={"match": "name"}, departments={"map": {}}))
    assert problems == [
        "services.match must be 'type_name' or null",
        "services.other must be a non-empty string",
        "departments.other must be a non-empty string",
    ]


def test_missing_points_are_lat_long_pairs() -> None:
    assert problems_of(broken(missing_points=[[39, -77], [1], "x"])) == [
        "missing_points: [1] is not a [lat, long] pair",
        "missing_points: 'x' is not a [lat, long] pair",
    ]


def test_a_mapping_is_a_json_object() -> None:
    assert problems_of([]) == ["the mapping must be a JSON object"]

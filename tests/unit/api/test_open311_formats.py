"""The GeoReport renderer: bare JSON arrays, and XML whose lists keep their wrappers."""

import json
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from api.open311.formats import Format, render, w3c


def test_json_is_the_bare_value() -> None:
    answer = render([{"service_code": "a"}], Format.JSON, "services")
    assert answer.media_type == "application/json; charset=utf-8"
    assert json.loads(answer.body) == [{"service_code": "a"}]


def test_xml_wraps_every_list_even_of_one() -> None:
    data = {"service_code": "a", "attributes": [{"code": "x", "values": [{"key": "k"}]}]}
    answer = render(data, Format.XML, "service_definition")
    assert answer.media_type == "text/xml; charset=utf-8"
    root = ET.fromstring(answer.body)  # noqa: S314 - our own output
    assert root.tag == "service_definition"
    assert root.findtext("attributes/attribute/values/value/key") == "k"


def test_xml_spells_booleans_and_nulls_and_drops_control_characters() -> None:
    answer = render(
        [{"metadata": True, "group": None, "name": "a\x01b<c>"}], Format.XML, "services"
    )
    root = ET.fromstring(answer.body)  # noqa: S314 - our own output
    service = root.find("service")
    assert service is not None
    assert service.findtext("metadata") == "true"
    assert service.findtext("group") == ""
    assert service.findtext("name") == "ab<c>"


def test_w3c_datetimes_carry_the_city_offset() -> None:
    at = datetime(2026, 11, 25, 13, 0, 0, 123456, tzinfo=UTC)
    assert w3c(at, ZoneInfo("America/New_York")) == "2026-11-25T08:00:00-05:00"
    assert w3c(None, UTC) is None


def _element_tree_xml(data: object, root: str) -> bytes:
    """The XML as xml.etree.ElementTree writes it, the way this renderer first built it."""
    from collections.abc import Mapping, Sequence

    from api.open311.formats import CHILD_OF

    def fill(element: ET.Element, value: object) -> None:
        if isinstance(value, Mapping):
            for key, item in value.items():
                fill(ET.SubElement(element, key), item)
        elif isinstance(value, Sequence) and not isinstance(value, str):
            for item in value:
                fill(ET.SubElement(element, CHILD_OF.get(element.tag, "item")), item)
        elif isinstance(value, bool):
            element.text = "true" if value else "false"
        elif value is not None:
            element.text = "".join(c for c in str(value) if c in "\t\n\r" or ord(c) >= 0x20)

    element = ET.Element(root)
    fill(element, data)
    xml = ET.tostring(element, encoding="unicode", xml_declaration=False)
    return ('<?xml version="1.0" encoding="utf-8"?>' + xml).encode("utf-8")


def test_xml_is_written_as_element_tree_writes_it() -> None:
    requests = [
        {
            "service_request_id": "26-00000101",
            "status_notes": None,
            "description": "Tom & Jerry <b>\x00\x0b\t\n\r café",
            "metadata": False,
            "empty": "",
            "only_controls": "\x01\x1f",
            "lat": 39.2904,
            "order": 3,
            "extended_attributes": {
                "areas": [{"layer": "wards", "code": "1", "name": "Ward > 1"}],
                "notes": [],
                "nothing": {},
            },
            "values": [["nested", None, True], ("tuple",)],
        },
        {},
    ]
    for data, root in ((requests, "service_requests"), ({"a": [1, 2]}, "service_definition")):
        assert render(data, Format.XML, root).body == _element_tree_xml(data, root)
    assert render([], Format.XML, "services").body == _element_tree_xml([], "services")

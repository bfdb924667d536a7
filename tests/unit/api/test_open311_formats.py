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

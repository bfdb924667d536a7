"""GeoReport answers: bare JSON arrays, or XML with its wrappers kept around every list."""

import json
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from datetime import datetime, tzinfo
from enum import StrEnum
from typing import Any

from fastapi.responses import Response

JSON_TYPE = "application/json; charset=utf-8"
XML_TYPE = "text/xml; charset=utf-8"

# How an XML list names its children: <attributes><attribute>, <values><value>, ...
CHILD_OF = {
    "services": "service",
    "service_requests": "request",
    "attributes": "attribute",
    "values": "value",
    "endpoints": "endpoint",
    "formats": "format",
    "errors": "error",
    "areas": "area",
    "notes": "note",
    "service_request_updates": "request_update",
}


class Format(StrEnum):
    JSON = "json"
    XML = "xml"


def format_of_path(path: str) -> Format:
    return Format.XML if path.endswith(".xml") else Format.JSON


def w3c(at: datetime | None, zone: tzinfo) -> str | None:
    """W3C datetime with the city's offset, to the second: 2026-11-25T08:00:00-05:00."""
    return None if at is None else at.astimezone(zone).isoformat(timespec="seconds")


def render(data: Any, fmt: Format, root: str, status: int = 200) -> Response:
    """`data` is what JSON shows; XML wraps it in `root` (a list) or uses `root` as the object."""
    if fmt is Format.JSON:
        body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        return Response(body.encode("utf-8"), status, media_type=JSON_TYPE)
    element = ET.Element(root)
    _fill(element, data)
    xml = ET.tostring(element, encoding="unicode", xml_declaration=False)
    body = '<?xml version="1.0" encoding="utf-8"?>' + xml
    return Response(body.encode("utf-8"), status, media_type=XML_TYPE)


def _fill(element: ET.Element, value: Any) -> None:
    if isinstance(value, Mapping):
        for key, item in value.items():
            _fill(ET.SubElement(element, key), item)
    elif isinstance(value, Sequence) and not isinstance(value, str):
        child = CHILD_OF.get(element.tag, "item")
        for item in value:
            _fill(ET.SubElement(element, child), item)
    elif isinstance(value, bool):
        element.text = "true" if value else "false"
    elif value is not None:
        element.text = _xml_safe(str(value))


def _xml_safe(text: str) -> str:
    """XML 1.0 cannot hold most control characters: drop them rather than emit broken XML."""
    return "".join(c for c in text if c in "\t\n\r" or ord(c) >= 0x20)

"""What the open-data feed holds of each request: the GeoReport bulk columns, no personal data.

Text and place come from the read model's public view (masked, placed as the service says);
nothing here reads a request's own fields.
"""

from datetime import tzinfo

from api.bulk_formats import Cell, Feature, text_cell
from api.open311.formats import w3c
from domain.requests.open_data_reads import OpenDataRequest

COLUMNS = (
    "service_request_id", "status", "status_notes", "service_code", "service_name",
    "agency_responsible", "description", "requested_datetime", "updated_datetime",
    "expected_datetime", "closed_date", "source", "address", "zipcode", "lat", "long",
    "location_precision",
)  # fmt: skip


def _as_is(text: str | None) -> str | None:
    return text


def open_data_row(item: OpenDataRequest, zone: tzinfo, spreadsheet: bool = True) -> dict[str, Cell]:
    """`source` is the channel the request came by; for a spreadsheet (CSV) free text is
    guarded against formulas."""
    text = text_cell if spreadsheet else _as_is
    place = item.place
    return {
        "service_request_id": item.id,
        "status": "closed" if item.closed else "open",
        "status_notes": text(item.status_notes),
        "service_code": item.service_code,
        "service_name": text(item.service_name),
        "agency_responsible": text(item.agency),
        "description": text(item.description),
        "requested_datetime": w3c(item.requested_at, zone),
        "updated_datetime": w3c(item.updated_at, zone),
        "expected_datetime": w3c(item.expected_at, zone),
        "closed_date": w3c(item.closed_at, zone),
        "source": item.channel,
        "address": text(place.address),
        "zipcode": place.zipcode,
        "lat": place.lat,
        "long": place.long,
        "location_precision": item.precision.value,
    }


def open_data_feature(item: OpenDataRequest, zone: tzinfo) -> Feature:
    place = item.place
    point = None if place.lat is None or place.long is None else (place.long, place.lat)
    row = open_data_row(item, zone, spreadsheet=False)
    return Feature(point, {k: v for k, v in row.items() if k not in ("lat", "long")})

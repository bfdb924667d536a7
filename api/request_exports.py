"""What a staff export holds of each request: what the request list shows, flat."""

import json
from collections.abc import AsyncIterator, Mapping, Sequence
from datetime import tzinfo

from api.bulk_formats import Cell, Feature
from api.bulk_formats import text_cell as guard
from api.open311.formats import w3c
from domain.requests.model import ServiceRequest

COLUMNS = (
    "id", "service_code", "service_name", "department", "status", "close_reason", "priority",
    "channel", "description", "address", "zipcode", "lat", "long", "areas", "requested_at",
    "updated_at", "expected_at", "closed_at", "assignee_id", "external_id", "duplicate_of",
    "resident_id", "reporter_first_name", "reporter_last_name", "reporter_email",
    "reporter_phone", "attributes",
)  # fmt: skip


def _as_is(text: str | None) -> str | None:
    return text


def staff_row(
    r: ServiceRequest, service_names: Mapping[str, str], zone: tzinfo, spreadsheet: bool = True
) -> dict[str, Cell]:
    """Times in the city's time zone; for a spreadsheet (CSV), free text is guarded against
    formulas."""
    text_cell = guard if spreadsheet else _as_is
    reporter, place = r.reporter, r.place
    return {
        "id": r.id,
        "service_code": r.service_code,
        "service_name": text_cell(service_names.get(r.service_code)),
        "department": r.department_code,
        "status": r.status.value,
        "close_reason": r.close_reason.value if r.close_reason else None,
        "priority": r.priority.value,
        "channel": r.channel.value,
        "description": text_cell(r.description),
        "address": text_cell(place.address),
        "zipcode": place.zipcode,
        "lat": place.lat,
        "long": place.long,
        "areas": "; ".join(f"{a.layer}:{a.code}" for a in r.areas),
        "requested_at": w3c(r.requested_at, zone),
        "updated_at": w3c(r.updated_at or r.requested_at, zone),
        "expected_at": w3c(r.expected_at, zone),
        "closed_at": w3c(r.closed_at, zone),
        "assignee_id": str(r.assignee_id) if r.assignee_id else None,
        "external_id": text_cell(r.external_id),
        "duplicate_of": r.duplicate_of,
        "resident_id": str(r.resident_id) if r.resident_id else None,
        "reporter_first_name": text_cell(reporter.first_name),
        "reporter_last_name": text_cell(reporter.last_name),
        "reporter_email": text_cell(reporter.email),
        "reporter_phone": text_cell(reporter.phone),
        "attributes": json.dumps(r.attributes, ensure_ascii=False) if r.attributes else None,
    }


def staff_feature(r: ServiceRequest, service_names: Mapping[str, str], zone: tzinfo) -> Feature:
    row = staff_row(r, service_names, zone, spreadsheet=False)
    place = r.place
    point = None if place.lat is None or place.long is None else (place.long, place.lat)
    return Feature(point, {k: v for k, v in row.items() if k not in ("lat", "long")})


async def staff_rows(
    batches: AsyncIterator[list[ServiceRequest]], service_names: Mapping[str, str], zone: tzinfo
) -> AsyncIterator[Sequence[dict[str, Cell]]]:
    async for batch in batches:
        yield [staff_row(r, service_names, zone) for r in batch]


async def staff_features(
    batches: AsyncIterator[list[ServiceRequest]], service_names: Mapping[str, str], zone: tzinfo
) -> AsyncIterator[list[Feature]]:
    async for batch in batches:
        yield [staff_feature(r, service_names, zone) for r in batch]

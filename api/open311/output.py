"""What GeoReport shows of services, definitions and requests. Never the reporter."""

from datetime import tzinfo
from typing import Any

from api.open311.formats import w3c
from domain.directory.catalog import AttributeDefinition, Service
from domain.requests.model import ServiceRequest, Status
from domain.requests.open311_reads import Open311Request, PublicNote, RequestUpdate

NOTE_SUMMARIES = {
    "opened": "Request opened",
    "status": "Status changed",
    "closed": "Request closed",
    "comment": "Public note",
    "merged": "Merged",
}


def service_entry(service: Service) -> dict[str, Any]:
    return {
        "service_code": service.code,
        "service_name": service.name,
        "description": service.description,
        "metadata": service.has_metadata,
        "type": "realtime",
        "keywords": ", ".join(service.keywords),
        "group": service.group,
    }


def attribute_entry(attribute: AttributeDefinition) -> dict[str, Any]:
    return {
        "variable": attribute.variable,
        "code": attribute.code,
        "datatype": attribute.datatype.value,
        "required": attribute.required,
        "datatype_description": attribute.datatype_description or None,
        "order": attribute.order,
        "description": attribute.description,
        "values": [{"key": o.key, "name": o.name} for o in attribute.values],
    }


def definition(service: Service) -> dict[str, Any]:
    ordered = sorted(service.attributes, key=lambda a: (a.order, a.code))
    return {"service_code": service.code, "attributes": [attribute_entry(a) for a in ordered]}


def open_or_closed(request: ServiceRequest) -> str:
    return "closed" if request.status is Status.CLOSED else "open"


def service_notice(request: ServiceRequest, zone: tzinfo) -> str | None:
    expected = w3c(request.expected_at, zone)
    return f"We aim to handle this by {expected}." if expected else None  # as request_entry


def created_entry(
    request: ServiceRequest, token: str, account_id: str | None, zone: tzinfo
) -> dict[str, Any]:
    return {
        "service_request_id": request.id,
        "token": token,
        "service_notice": service_notice(request, zone),
        "account_id": account_id,
    }


def request_entry(item: Open311Request, zone: tzinfo, extensions: bool) -> dict[str, Any]:
    """Text and place come from the read model's public view, never from the request."""
    r, place = item.request, item.place
    expected = w3c(r.expected_at, zone)
    entry: dict[str, Any] = {
        "service_request_id": r.id,
        "status": open_or_closed(r),
        "status_notes": item.status_notes,
        "service_name": item.service_name,
        "service_code": r.service_code,
        "description": item.description,
        "agency_responsible": item.agency,
        "service_notice": f"We aim to handle this by {expected}." if expected else None,
        "requested_datetime": w3c(r.requested_at, zone),
        "updated_datetime": w3c(r.updated_at or r.requested_at, zone),
        "expected_datetime": expected,
        "address": place.address,
        "address_id": None,
        "zipcode": place.zipcode,
        "lat": place.lat,
        "long": place.long,
        "media_url": item.media_url,
    }
    if extensions:
        entry["extended_attributes"] = _extended(item, zone)
    return entry


def _extended(item: Open311Request, zone: tzinfo) -> dict[str, Any]:
    r = item.request
    return {
        "channel": r.channel.value,
        "external_status": r.status.value,
        "duplicate_of": r.duplicate_of,
        "areas": [{"layer": a.layer, "code": a.code, "name": a.name} for a in r.areas],
        "location_precision": item.precision.value,
        "notes": [_note(n, zone) for n in item.notes],
    }


def _note(note: PublicNote, zone: tzinfo) -> dict[str, Any]:
    """`status`, `close_reason` and `note` let a client word a status change in its language."""
    return {
        "datetime": w3c(note.at, zone),
        "type": note.type,
        "summary": NOTE_SUMMARIES.get(note.type, "Update"),
        "description": note.description,
        "status": note.status,
        "close_reason": note.close_reason,
        "note": note.note,
    }


def update_entry(update: RequestUpdate, zone: tzinfo) -> dict[str, Any]:
    return {
        "update_id": str(update.update_id),
        "service_request_id": update.request_id,
        "status": "closed" if update.status == Status.CLOSED.value else "open",
        "updated_datetime": w3c(update.at, zone),
        "description": update.description,
        "media_url": None,
        "external_status_code": update.status,
    }

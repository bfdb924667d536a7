"""Lists without a `limit`, and why each is bounded anyway: `x-bounded` in the OpenAPI document.

Every other list operation takes a `limit` (or Open311's `page_size`) with a maximum; the test
tests/api/limits/test_pagination.py walks the document and holds both to it.
"""

from typing import Any

CONFIGURATION = "configuration the city's administrators keep: tens to hundreds of rows"
ONE_REQUEST = "one service request's own records, which only its handling adds to"
BOUNDED_LISTS = {
    "GET /api/v1/services": CONFIGURATION,
    "GET /api/v1/departments": CONFIGURATION,
    "GET /api/v1/users": "the city's staff accounts",
    "GET /api/v1/inbox/templates": CONFIGURATION,
    "GET /api/v1/jurisdictions/layers": CONFIGURATION,
    "GET /api/v1/jurisdictions/layers/{slug}.geojson": "the areas of one layer (wards, districts)",
    "GET /api/v1/jurisdictions/rules": CONFIGURATION,
    "GET /api/v1/jurisdictions/{area_id}": "one area",
    "GET /api/v1/triage/terms": CONFIGURATION,
    "GET /api/v1/api-keys": CONFIGURATION,
    "GET /api/v1/webhooks": CONFIGURATION,
    "GET /api/v1/requests/{request_id}/timeline": ONE_REQUEST,
    "GET /api/v1/requests/{request_id}/duplicates": ONE_REQUEST,
    "GET /api/v1/requests/{request_id}/photos": ONE_REQUEST,
    "GET /api/v1/residents/{resident_id}": "one resident, with the 50 latest requests",
    "GET /api/v1/articles/suggestions": "a fixed number of suggestions",
    "GET /api/v1/articles/{article_id}/versions": "one article's versions",
    "GET /api/v1/map/streets": "the streets in the view (a bbox), main roads only when far out",
    "GET /api/v1/map/addresses": "the address points in a close view, with a fixed maximum",
    "GET /api/v1/public/services": CONFIGURATION,
    "GET /api/v1/public/requests/nearby": "a fixed number of the nearest requests",
    "GET /api/v1/exports/requests.csv": "a streamed export of every request: the long deadline",
    "GET /api/v1/exports/requests.geojson": "a streamed export of every request: the long deadline",
    "GET /open311/v2/services.{format}": CONFIGURATION,
    "GET /open311/v2/requests.{format}": "page_size 1..1000 (text: Open311 answers its own errors)",
    "GET /open311/v2/requests/{service_request_id}.{format}": "one request",
    "GET /open311/v2/tokens/{token}.{format}": "one token",
    "GET /open311/v2/servicerequestupdates.{format}": "page_size 1..1000, as for requests",
}


def document_list_bounds(schema: dict[str, Any]) -> None:
    for operation, reason in BOUNDED_LISTS.items():
        method, path = operation.split(" ", 1)
        schema["paths"][path][method.lower()]["x-bounded"] = reason

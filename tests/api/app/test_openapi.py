"""The committed OpenAPI document: current, complete, and honest about errors."""

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from openapi.export import TARGET, render

METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
PROBLEM_REF = "#/components/schemas/Problem"


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(render())
    return document


def operations(spec: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield f"{method.upper()} {path}", operation


def test_the_committed_document_is_current() -> None:
    committed = Path(TARGET).read_text(encoding="utf-8")
    assert committed == render(), (
        "openapi/openapi.json is out of date with the app: run `make openapi` and commit "
        "the regenerated file"
    )


def test_the_document_is_openapi_3_1(spec: dict[str, Any]) -> None:
    assert spec["openapi"].startswith("3.1.")
    assert spec["info"]["title"] == "Frontdoor 311 API"
    assert spec["info"]["version"] == "0.1.0"


JURISDICTIONS = [
    "POST /api/v1/jurisdictions/import",
    "GET /api/v1/jurisdictions/layers",
    "GET /api/v1/jurisdictions/layers/{slug}.geojson",
    "PATCH /api/v1/jurisdictions/layers/{slug}",
    "GET /api/v1/jurisdictions/resolve",
    "POST /api/v1/jurisdictions/resolve",
    "GET /api/v1/jurisdictions/rules",
    "POST /api/v1/jurisdictions/rules",
    "PATCH /api/v1/jurisdictions/rules/{rule_id}",
    "DELETE /api/v1/jurisdictions/rules/{rule_id}",
    "GET /api/v1/jurisdictions",
    "GET /api/v1/jurisdictions/{area_id}",
    "PATCH /api/v1/jurisdictions/{area_id}",
]

DUPLICATES = [
    "GET /api/v1/requests/nearby",
    "GET /api/v1/requests/{request_id}/duplicates",
    "POST /api/v1/requests/{request_id}/merge",
]

KNOWLEDGE = [
    "GET /api/v1/articles",
    "POST /api/v1/articles",
    "GET /api/v1/articles/suggestions",
    "GET /api/v1/articles/{article_id}",
    "PATCH /api/v1/articles/{article_id}",
    "POST /api/v1/articles/{article_id}/transitions",
    "GET /api/v1/articles/{article_id}/versions",
    "POST /api/v1/articles/{article_id}/uses",
    "POST /api/v1/triage",
    "GET /api/v1/triage/terms",
    "POST /api/v1/triage/terms",
    "DELETE /api/v1/triage/terms/{term_id}",
]
# Operations that take a token but do not need one: OpenAPI's empty requirement `{}`.
TOKEN_OPTIONAL = [
    "GET /api/v1/articles",
    "GET /api/v1/articles/suggestions",
    "GET /api/v1/articles/{article_id}",
    "GET /api/v1/media/{media_id}",
]


CONTACTS = [
    "POST /api/v1/cases",
    "GET /api/v1/cases",
    "GET /api/v1/cases/{case_id}",
    "PATCH /api/v1/cases/{case_id}",
    "POST /api/v1/residents",
    "GET /api/v1/residents",
    "GET /api/v1/residents/{resident_id}",
    "PATCH /api/v1/residents/{resident_id}",
    "POST /api/v1/requests/lookup",
]


OPEN311 = [
    "GET /open311/v2/discovery.{format}",
    "GET /open311/v2/services.{format}",
    "GET /open311/v2/services/{service_code}.{format}",
    "POST /open311/v2/requests.{format}",
    "GET /open311/v2/requests.{format}",
    "GET /open311/v2/requests/{service_request_id}.{format}",
    "GET /open311/v2/tokens/{token}.{format}",
    "GET /open311/v2/servicerequestupdates.{format}",
]

API_KEYS = [
    "POST /api/v1/api-keys",
    "GET /api/v1/api-keys",
    "GET /api/v1/api-keys/{key_id}",
    "DELETE /api/v1/api-keys/{key_id}",
]


def test_it_documents_open311_and_api_keys(spec: dict[str, Any]) -> None:
    documented = {name for name, _ in operations(spec)}
    assert documented >= set(OPEN311) | set(API_KEYS)
    for name, operation in operations(spec):
        if name.split(" ")[1].startswith("/open311/"):
            assert operation["tags"] == ["open311"]
            assert "security" not in operation  # the api_key is a form field, checked by us
            errors = {"400", "403", "404", "503", "default"} | (
                {"429"} if name in KEY_WRITES else set()
            )
            assert set(operation["responses"]) == {"200", *errors}
            assert set(operation["responses"]["200"]["content"]) == {
                "application/json",
                "text/xml",
            }
    post = spec["paths"]["/open311/v2/requests.{format}"]["post"]["requestBody"]["content"]
    assert set(post) == {"application/x-www-form-urlencoded", "multipart/form-data"}


def test_partners_may_send_an_api_key_where_a_token_is_needed(spec: dict[str, Any]) -> None:
    schemes = spec["components"]["securitySchemes"]
    assert schemes["APIKeyHeader"] == {
        "type": "apiKey",
        "in": "header",
        "name": "X-API-Key",
        "description": schemes["APIKeyHeader"]["description"],
    }
    transitions = spec["paths"]["/api/v1/requests/{request_id}/transitions"]["post"]
    assert transitions["security"] == [{"OAuth2PasswordBearer": []}, {"APIKeyHeader": []}]


WEBHOOKS = [
    "GET /api/v1/webhooks",
    "POST /api/v1/webhooks",
    "GET /api/v1/webhooks/{webhook_id}",
    "PATCH /api/v1/webhooks/{webhook_id}",
    "DELETE /api/v1/webhooks/{webhook_id}",
    "POST /api/v1/webhooks/{webhook_id}/rotate-secret",
    "GET /api/v1/webhooks/{webhook_id}/deliveries",
    "POST /api/v1/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver",
]


def test_it_documents_the_api(spec: dict[str, Any]) -> None:
    """Every operation of the foundation, the jurisdictions and duplicates is in the document."""
    documented = {name for name, _ in operations(spec)}
    assert documented >= set(JURISDICTIONS)
    assert documented >= set(CONTACTS)
    assert documented >= set(KNOWLEDGE)
    assert documented >= set(DUPLICATES)
    assert documented >= set(WEBHOOKS)
    assert documented >= {
        "POST /api/v1/requests/{request_id}/photos",
        "GET /api/v1/requests/{request_id}/photos",
        "GET /api/v1/media/{media_id}",
    }
    assert documented >= set(
        [
            "POST /api/v1/auth/token",
            "GET /api/v1/me",
            "GET /api/v1/services",
            "POST /api/v1/services",
            "GET /api/v1/services/{code}",
            "PATCH /api/v1/services/{code}",
            "GET /api/v1/departments",
            "POST /api/v1/departments",
            "GET /api/v1/users",
            "POST /api/v1/users",
            "PATCH /api/v1/users/{user_id}",
            "POST /api/v1/requests",
            "GET /api/v1/requests",
            "GET /api/v1/requests/{request_id}",
            "PATCH /api/v1/requests/{request_id}",
            "GET /api/v1/requests/{request_id}/timeline",
            "POST /api/v1/requests/{request_id}/transitions",
            "POST /api/v1/requests/{request_id}/comments",
            "GET /healthz",
            "GET /readyz",
        ]
    )
    assert "/metrics" not in spec["paths"]


def test_every_operation_has_a_unique_operation_id(spec: dict[str, Any]) -> None:
    missing = [name for name, op in operations(spec) if not op.get("operationId")]
    assert missing == []
    ids = [op["operationId"] for _, op in operations(spec)]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert duplicates == []


def _typed(schema: dict[str, Any]) -> bool:
    return "$ref" in schema or "type" in schema


def test_every_success_response_has_a_real_schema(spec: dict[str, Any]) -> None:
    untyped = []
    for name, operation in operations(spec):
        for status, response in operation["responses"].items():
            if not status.startswith("2"):
                continue
            for media, content in response.get("content", {}).items():
                schema = content.get("schema")
                if not schema or not _typed(schema):
                    untyped.append(f"{name} {status} {media}: {schema!r}")
    assert untyped == []


def test_every_json_response_schema_is_a_ref_or_typed(spec: dict[str, Any]) -> None:
    untyped = []
    for name, operation in operations(spec):
        for status, response in operation["responses"].items():
            for media, content in response.get("content", {}).items():
                if "json" in media and not _typed(content.get("schema") or {}):
                    untyped.append(f"{name} {status} {media}")
    assert untyped == []


def test_the_problem_schema_is_rfc_9457(spec: dict[str, Any]) -> None:
    problem = spec["components"]["schemas"]["Problem"]
    assert problem["type"] == "object"
    assert sorted(problem["required"]) == ["detail", "status", "title", "type"]
    assert set(problem["properties"]) == {"type", "title", "status", "detail", "instance", "errors"}


def test_every_operation_behind_a_token_declares_401(spec: dict[str, Any]) -> None:
    """Operations that take a token answer 401 to a bad one, even where none is needed."""
    secured = [name for name, op in operations(spec) if op.get("security")]
    assert [
        name for name, op in operations(spec) if name in secured and "401" not in op["responses"]
    ] == []
    needed = [
        name for name, op in operations(spec) if op.get("security") and {} not in op["security"]
    ]
    # The residents' public pages (issue 14) never take a token: no secret sits in a browser.
    public = [name for name, _ in operations(spec) if " /api/v1/public/" in name]
    assert public and not set(public) & set(secured)
    assert sorted(set(name for name, _ in operations(spec)) - set(needed) - set(public)) == sorted(
        [
            "GET /healthz",
            "GET /readyz",
            "POST /api/v1/auth/token",
            "POST /api/v1/requests/lookup",
            "GET /api/v1/site",
            "GET /api/v1/notifications/unsubscribe",
            "POST /api/v1/notifications/unsubscribe",
            "GET /api/v1/open-data/requests.csv",
            "GET /api/v1/open-data/requests.geojson",
            "GET /api/v1/report-card",
            "POST /api/v1/inbound/sms/twilio",  # Twilio signs it instead (X-Twilio-Signature)
            *TOKEN_OPTIONAL,
            *OPEN311,
        ]
    )
    assert sorted(set(secured) - set(needed)) == sorted(TOKEN_OPTIONAL)


def test_every_error_response_is_problem_json_only(spec: dict[str, Any]) -> None:
    problem = {"$ref": "#/components/schemas/Problem"}
    for name, operation in operations(spec):
        if name in OPEN311:
            continue  # GeoReport errors: see test_it_documents_open311_and_api_keys
        for status, response in operation["responses"].items():
            if not status.startswith(("4", "5")):
                continue
            content = response.get("content", {})
            assert list(content) == ["application/problem+json"], (name, status)
            assert content["application/problem+json"]["schema"] == problem, (name, status)


def test_every_covered_post_declares_the_idempotency_key(spec: dict[str, Any]) -> None:
    posts = [(name, op) for name, op in operations(spec) if name.startswith("POST /api/v1/")]
    undeclared = [
        name
        for name, op in posts
        if not name.startswith("POST /api/v1/auth/")
        and "Idempotency-Key" not in {p["name"] for p in op.get("parameters", [])}
    ]
    assert posts and undeclared == []


def _bare_string(schema: dict[str, Any]) -> bool:
    """`{"type": "string"}` and nothing more: FastAPI's guess for a body it did not build."""
    return schema.get("type") == "string" and not set(schema) - {"type", "title", "description"}


def test_every_response_body_has_a_schema_and_no_json_one_is_a_bare_string(
    spec: dict[str, Any],
) -> None:
    """A JSON answer declared as a string (the GeoJSON ones were) lets any body through."""
    loose = []
    for name, operation in operations(spec):
        for status, response in operation["responses"].items():
            for media, content in response.get("content", {}).items():
                schema = content.get("schema") or {}
                if not schema or ("json" in media and _bare_string(schema)):
                    loose.append(f"{name} {status} {media}: {schema!r}")
    assert loose == []


def _integer_schemas(schema: dict[str, Any]) -> Iterator[dict[str, Any]]:
    if schema.get("type") == "integer":
        yield schema
    for option in schema.get("anyOf", []) + schema.get("oneOf", []):
        yield from _integer_schemas(option)


def test_every_integer_parameter_has_both_bounds(spec: dict[str, Any]) -> None:
    """An unbounded integer reached PostgreSQL as a bigint overflow (a 500) before."""
    unbounded = []
    for name, operation in operations(spec):
        for parameter in operation.get("parameters", []):
            for schema in _integer_schemas(parameter.get("schema", {})):
                low = "minimum" in schema or "exclusiveMinimum" in schema
                high = "maximum" in schema or "exclusiveMaximum" in schema
                if not (low and high):
                    unbounded.append(f"{name} {parameter['in']} {parameter['name']}")
    assert unbounded == []


def test_every_post_that_takes_an_idempotency_key_declares_its_400(spec: dict[str, Any]) -> None:
    takes_key = [
        (name, op)
        for name, op in operations(spec)
        if "Idempotency-Key" in {p["name"] for p in op.get("parameters", [])}
    ]
    assert takes_key and [name for name, op in takes_key if "400" not in op["responses"]] == []


KEY_WRITES = ["POST /open311/v2/requests.{format}"]
LIMITED = [
    "POST /api/v1/auth/token",
    "POST /api/v1/requests/lookup",
    "POST /api/v1/notifications/unsubscribe",
    "POST /api/v1/public/requests",
    "POST /api/v1/public/requests/{number}/photos",
    "POST /api/v1/public/requests/{number}/followers",
    "POST /api/v1/public/surveys/{token}/answer",
    "POST /api/v1/public/surveys/{token}/comment",
    *KEY_WRITES,
]


def test_every_limited_operation_declares_429_and_its_header_fields(
    spec: dict[str, Any],
) -> None:
    key_writes = [
        name
        for name, op in operations(spec)
        if name.split(" ")[0] in {"POST", "PUT", "PATCH", "DELETE"}
        and {"APIKeyHeader": []} in op.get("security", [])
    ]
    assert "POST /api/v1/requests/{request_id}/transitions" in key_writes
    limited = {name for name, op in operations(spec) if "429" in op["responses"]}
    assert limited == set(LIMITED) | set(key_writes)
    headers = spec["components"]["headers"]
    assert set(headers) == {"Retry-After", "RateLimit", "RateLimit-Policy"}
    for name, operation in operations(spec):
        if name not in limited:
            continue
        refused = operation["responses"]["429"]["headers"]
        assert refused == {h: {"$ref": f"#/components/headers/{h}"} for h in headers}, name
        for status, answer in operation["responses"].items():
            if status.startswith("2"):
                assert set(answer["headers"]) >= {"RateLimit", "RateLimit-Policy"}, name

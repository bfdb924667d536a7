"""The OpenAPI side of the rate limits: every limited operation declares its 429, and the
RateLimit header fields on its answers (api/rate_limits.py sends them)."""

from typing import Any

from api.problems import problem_responses

WRITES = {"post", "put", "patch", "delete"}
HEADERS: dict[str, dict[str, Any]] = {
    "Retry-After": {
        "description": "Seconds until the quota's window ends and a retry may succeed",
        "schema": {"type": "integer", "minimum": 0},
    },
    "RateLimit-Policy": {
        "description": "The quotas of this operation (draft-ietf-httpapi-ratelimit-headers): "
        '`"name";q=<limit>;w=<window seconds>`, comma-separated',
        "schema": {"type": "string"},
    },
    "RateLimit": {
        "description": "Where the caller stands in each quota: "
        '`"name";r=<remaining>;t=<seconds until the window ends>`, comma-separated',
        "schema": {"type": "string"},
    },
}
QUOTA_HEADERS = ("RateLimit-Policy", "RateLimit")


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/headers/{name}"}


def _counts_key_writes(method: str, operation: dict[str, Any]) -> bool:
    """A write that takes a partner's X-API-Key counts against the key's quota."""
    schemes = {name for option in operation.get("security", []) for name in option}
    return method in WRITES and "APIKeyHeader" in schemes


def _declare(operation: dict[str, Any]) -> None:
    responses = operation["responses"]
    refused = responses["429"]
    refused["description"] = "Too many requests: wait Retry-After seconds"
    refused["headers"] = {name: _ref(name) for name in ("Retry-After", *QUOTA_HEADERS)}
    for status, answer in responses.items():
        if status.startswith(("2", "3")):
            answer.setdefault("headers", {}).update({n: _ref(n) for n in QUOTA_HEADERS})


def document_rate_limits(schema: dict[str, Any]) -> None:
    schema.setdefault("components", {}).setdefault("headers", {}).update(HEADERS)
    for item in schema.get("paths", {}).values():
        for method, operation in item.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            if _counts_key_writes(method, operation):
                for status, answer in problem_responses(429).items():
                    operation["responses"].setdefault(str(status), answer)
            if "429" in operation["responses"]:
                _declare(operation)

"""A database that cannot be reached is not our code's fault: 503 with Retry-After."""

import logging
from typing import Any

from fastapi.responses import JSONResponse

from adapters.database_availability import database_unavailable
from api.problems import PROBLEM_JSON, problem_response

__all__ = ["database_unavailable", "database_unavailable_problem", "declare_unavailable"]

log = logging.getLogger("frontdoor.errors")

DATABASE_RETRY_AFTER_SECONDS = 5


def database_unavailable_problem(path: str) -> JSONResponse:
    """503 with Retry-After: the client may send the same request again (with the same
    Idempotency-Key) once the database is back; the process recovers by itself."""
    log.warning("database unavailable", extra={"fields": {"path": path}})
    headers = {"Retry-After": str(DATABASE_RETRY_AFTER_SECONDS)}
    detail = "the database is unavailable for a moment; retry after the Retry-After delay"
    return problem_response(503, detail, headers=headers, instance=path or None)


RETRY_AFTER_HEADER = {
    "description": "Seconds to wait before sending the same request again",
    "schema": {"type": "integer", "minimum": 0},
}
UNAVAILABLE = {
    "description": "Unavailable for a moment: the database is away, or the request passed its "
    "deadline (FRONTDOOR_REQUEST_TIMEOUT_SECONDS); retry after Retry-After",
    "headers": {"Retry-After": RETRY_AFTER_HEADER},
}
OPEN311_PREFIX = "/open311/"
METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


def declare_unavailable(schema: dict[str, Any]) -> None:
    """Declare the 503 with Retry-After on every operation of the OpenAPI document: any of
    them may meet a database away or its deadline. Open311 tells it in its own error format."""
    problem = {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for path, item in schema.get("paths", {}).items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            responses = operation.setdefault("responses", {})
            content = problem
            if path.startswith(OPEN311_PREFIX):
                content = responses.get("400", {}).get("content", problem)
            responses["503"] = {**UNAVAILABLE, "content": content}

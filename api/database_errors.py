"""A database that cannot be reached is not our code's fault: 503 with Retry-After."""

import logging

from fastapi.responses import JSONResponse

from adapters.database_availability import database_unavailable
from api.problems import problem_response

__all__ = ["database_unavailable", "database_unavailable_problem"]

log = logging.getLogger("frontdoor.errors")

DATABASE_RETRY_AFTER_SECONDS = 5


def database_unavailable_problem(path: str) -> JSONResponse:
    """503 with Retry-After: the client may send the same request again (with the same
    Idempotency-Key) once the database is back; the process recovers by itself."""
    log.warning("database unavailable", extra={"fields": {"path": path}})
    headers = {"Retry-After": str(DATABASE_RETRY_AFTER_SECONDS)}
    detail = "the database is unavailable for a moment; retry after the Retry-After delay"
    return problem_response(503, detail, headers=headers, instance=path or None)

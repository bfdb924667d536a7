"""A database that cannot be reached is not our code's fault: 503 with Retry-After."""

import logging

from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from api.problems import problem_response

log = logging.getLogger("frontdoor.errors")

# Connection exceptions (08), the server shutting down or starting up (57P01-57P03), too many
# connections (53300): the database is away for a while, and the same request will succeed.
UNAVAILABLE_SQLSTATES = ("08", "57P", "53300")
DATABASE_RETRY_AFTER_SECONDS = 5


def _sqlstate(error: BaseException | None) -> str | None:
    state = getattr(error, "sqlstate", None) or getattr(error, "pgcode", None)
    return state if isinstance(state, str) else None


def database_unavailable(error: BaseException) -> bool:
    """The database cannot be reached (restarting, failing over, refusing connections), as
    opposed to a fault of the request or of our code. Walks the chain of causes: the driver's
    error may arrive wrapped by SQLAlchemy, or raw from the pool's connect."""
    seen: BaseException | None = error
    for _ in range(5):
        if seen is None:
            return False
        if isinstance(seen, DBAPIError) and seen.connection_invalidated:
            return True
        if isinstance(seen, ConnectionError | PoolTimeout):
            return True
        sqlstate = _sqlstate(seen.orig if isinstance(seen, DBAPIError) else seen)
        if sqlstate is not None and sqlstate.startswith(UNAVAILABLE_SQLSTATES):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def database_unavailable_problem(path: str) -> JSONResponse:
    """503 with Retry-After: the client may send the same request again (with the same
    Idempotency-Key) once the database is back; the process recovers by itself."""
    log.warning("database unavailable", extra={"fields": {"path": path}})
    headers = {"Retry-After": str(DATABASE_RETRY_AFTER_SECONDS)}
    detail = "the database is unavailable for a moment; retry after the Retry-After delay"
    return problem_response(503, detail, headers=headers, instance=path or None)

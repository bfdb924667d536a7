"""Whether an error means the database cannot be reached (restarting, failing over, refusing
connections) rather than a fault of the request or of our code. The API answers those 503,
and the worker's jobs wait them out."""

import asyncpg
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout

# The driver's own words for a connection lost mid-query, or left in a state it refuses to
# leave (InternalClientError) after the server went away.
DRIVER_LOST = (
    asyncpg.PostgresConnectionError,
    asyncpg.InterfaceError,
    asyncpg.InternalClientError,
    asyncpg.exceptions.OperatorInterventionError,
)

# Connection exceptions (08), the server shutting down or starting up (57P01-57P03), too many
# connections (53300): the database is away for a while, and the same request will succeed.
UNAVAILABLE_SQLSTATES = ("08", "57P", "53300")


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
        if isinstance(seen, (ConnectionError, PoolTimeout, *DRIVER_LOST)):
            return True
        sqlstate = _sqlstate(seen.orig if isinstance(seen, DBAPIError) else seen)
        if sqlstate is not None and sqlstate.startswith(UNAVAILABLE_SQLSTATES):
            return True
        seen = seen.__cause__ or seen.__context__
    return False

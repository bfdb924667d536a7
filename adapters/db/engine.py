from typing import Any

from sqlalchemy import event
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.util import await_only

from adapters.acting import current_acting
from adapters.database_availability import DRIVER_LOST

# Session settings, not transaction ones: a checked-out connection may run several
# transactions, and these hold for all of them until the next checkout says otherwise.
TELL_WHO_ACTS = (
    "SELECT set_config('frontdoor.actor', $1, false), set_config('frontdoor.request_id', $2, false)"
)
TOLD = "frontdoor.acting"


def async_url(url: str) -> str:
    """Accept postgres://, postgresql:// or postgresql+asyncpg:// and use asyncpg."""
    for prefix in ("postgresql+asyncpg://", "postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+asyncpg://" + url[len(prefix) :]
    raise ValueError("DATABASE_URL must be a PostgreSQL URL")


def make_engine(
    url: str,
    pool_size: int = 10,
    max_overflow: int = 10,
    statement_timeout_seconds: float = 0,
) -> AsyncEngine:
    """`statement_timeout_seconds` (0: none) makes PostgreSQL cancel any statement that runs
    longer, on every connection of the pool: a runaway query ends on the server even when the
    client that sent it has gone."""
    settings = {"statement_timeout": str(round(statement_timeout_seconds * 1000))}
    engine = create_async_engine(
        async_url(url),
        pool_size=pool_size,
        max_overflow=max_overflow,
        pool_recycle=1800,
        connect_args={"server_settings": settings} if statement_timeout_seconds else {},
    )
    event.listen(engine.sync_engine, "checkout", _check_and_tell_who_acts)
    return engine


def _check_and_tell_who_acts(dbapi_connection: Any, record: Any, proxy: Any) -> None:
    """Every checkout costs one round trip, which is also the pool's pre-ping: a connection
    the server dropped raises DisconnectionError and the pool takes a fresh one.

    The round trip tells who acts and for which request, for the audit triggers (migration
    0032), when that changed since this connection's last checkout; otherwise it is an empty
    statement. Sent on the driver's own connection, outside any transaction, so a rollback
    does not undo it. (SQLAlchemy's own pre-ping wraps its empty statement in a transaction:
    BEGIN, `;`, ROLLBACK, three round trips per checkout.)"""
    acting = current_acting()
    wanted = (acting.actor, acting.request_id or "")
    driver = dbapi_connection.driver_connection
    try:
        if record.info.get(TOLD) == wanted:
            await_only(driver.fetchrow(";"))
        else:
            await_only(driver.execute(TELL_WHO_ACTS, *wanted))
    except (OSError, *DRIVER_LOST) as lost:
        raise DisconnectionError(str(lost)) from lost  # the pool tries a fresh connection
    record.info[TOLD] = wanted

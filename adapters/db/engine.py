from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from contextvars import ContextVar
from typing import Any

from sqlalchemy import event
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.util import await_only

from adapters.acting import current_acting
from adapters.database_availability import DRIVER_LOST

# Session settings, not transaction ones: a checked-out connection may run several
# transactions, and these hold for all of them until the next checkout says otherwise.
TELL_WHO_ACTS = (
    "SELECT set_config('frontdoor.actor', $1, false), set_config('frontdoor.request_id', $2, false)"
)
TOLD = "frontdoor.acting"

# Set while `reading` checks a connection out: it will not write, so it is not told who acts.
_reading: ContextVar[bool] = ContextVar("frontdoor_reading", default=False)


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
    client that sent it has gone.

    No ping on checkout (it cost three round trips, BEGIN, `;` and ROLLBACK, more than the
    query it guarded): a connection the server closed (a restart, a failover, a terminated
    backend) is known closed to the driver without asking, and is replaced at checkout; one
    that dies unnoticed fails its statement, which the API answers 503 (retry) and the pool
    then replaces."""
    settings = {"statement_timeout": str(round(statement_timeout_seconds * 1000))}
    engine = create_async_engine(
        async_url(url),
        pool_size=pool_size,
        max_overflow=max_overflow,
        pool_recycle=1800,
        connect_args={"server_settings": settings} if statement_timeout_seconds else {},
    )
    event.listen(engine.sync_engine, "checkout", _on_checkout)
    return engine


def reads_of(engine: AsyncEngine) -> AsyncEngine:
    """The same pool, in autocommit: a single-statement read sends no BEGIN and no ROLLBACK
    (one round trip instead of three) and sees the same committed data. Use it through
    `reading`, for reads only."""
    return engine.execution_options(isolation_level="AUTOCOMMIT")


@asynccontextmanager
async def reading(reads: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    """A connection of `reads_of(engine)` for statements that do not write: it is not told who
    acts (the audit triggers fire on writes only). The connection keeps what it was last told,
    and the next checkout that may write tells it again if that changed."""
    flag = _reading.set(True)
    try:
        connection = await reads.connect()
    finally:
        _reading.reset(flag)
    try:
        yield connection
    finally:
        await connection.close()


def _on_checkout(dbapi_connection: Any, record: Any, proxy: Any) -> None:
    if dbapi_connection.driver_connection.is_closed():
        raise DisconnectionError("the server closed the connection")  # the pool makes a new one
    if not _reading.get():
        _tell_who_acts(dbapi_connection, record)


def _tell_who_acts(dbapi_connection: Any, record: Any) -> None:
    """Who acts and for which request, for the audit triggers (migration 0032). Sent on the
    driver's own connection, outside any transaction, so a rollback does not undo it; sent
    only when it changed since this connection was last told."""
    acting = current_acting()
    wanted = (acting.actor, acting.request_id or "")
    if record.info.get(TOLD) == wanted:
        return
    try:
        await_only(dbapi_connection.driver_connection.execute(TELL_WHO_ACTS, *wanted))
    except (OSError, *DRIVER_LOST) as lost:
        raise DisconnectionError(str(lost)) from lost  # the pool tries a fresh connection
    record.info[TOLD] = wanted

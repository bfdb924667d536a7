"""Count the SQL a piece of code sends: how tests prove a read is one query, not N+1."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine


@contextmanager
def statements(engine: AsyncEngine, about: str = "") -> Iterator[list[str]]:
    """The statements sent on `engine` inside the block (those naming `about`, if given)."""
    seen: list[str] = []

    def record(*args: Any) -> None:  # (conn, cursor, statement, parameters, context, many)
        if about in args[2]:
            seen.append(str(args[2]))

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)


@contextmanager
def round_trips(engine: AsyncEngine) -> Iterator[list[str]]:
    """Every query the driver sends on connections taken from `engine`'s pool inside the
    block, BEGIN, COMMIT and ROLLBACK included (the pool's own pre-ping is not seen: it runs
    before the checkout is announced)."""
    seen: list[str] = []
    watched: list[Any] = []

    def log(record: Any) -> None:
        seen.append(str(record.query))

    def checkout(dbapi_connection: Any, *_: Any) -> None:
        driver = dbapi_connection.driver_connection
        driver.add_query_logger(log)
        watched.append(driver)

    event.listen(engine.sync_engine.pool, "checkout", checkout)
    try:
        yield seen
    finally:
        event.remove(engine.sync_engine.pool, "checkout", checkout)
        for driver in watched:
            driver.remove_query_logger(log)

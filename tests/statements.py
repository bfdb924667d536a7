"""Count the SQL a piece of code sends: how tests prove a read is one query, not N+1."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import asyncpg
import asyncpg.prepared_stmt
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
def round_trips() -> Iterator[list[str]]:
    """Every message this process's asyncpg connections send PostgreSQL inside the block:
    the statements SQLAlchemy sends, and what it and the engine's hooks send beside them
    (BEGIN, ROLLBACK, the pool's ping, the audit's `set_config`), which `statements` misses.
    Counted at the driver: a simple query, an extended-protocol query, a prepared statement's
    execution each count one."""
    seen: list[str] = []
    simple = asyncpg.Connection.execute
    extended = asyncpg.Connection._execute
    prepared = asyncpg.prepared_stmt.PreparedStatement._PreparedStatement__do_execute  # type: ignore[attr-defined]

    async def execute(self: asyncpg.Connection, query: str, *args: Any, **kw: Any) -> Any:
        if not args:  # with arguments it goes through _execute, counted there
            seen.append(query)
        return await simple(self, query, *args, **kw)

    async def _execute(self: asyncpg.Connection, query: str, *args: Any, **kw: Any) -> Any:
        seen.append(query)
        return await extended(self, query, *args, **kw)

    async def do_execute(self: Any, executor: Any) -> Any:
        seen.append(self.get_query())
        return await prepared(self, executor)

    asyncpg.Connection.execute = execute  # type: ignore[method-assign]
    asyncpg.Connection._execute = _execute  # type: ignore[method-assign]
    asyncpg.prepared_stmt.PreparedStatement._PreparedStatement__do_execute = do_execute  # type: ignore[attr-defined]
    try:
        yield seen
    finally:
        asyncpg.Connection.execute = simple  # type: ignore[method-assign]
        asyncpg.Connection._execute = extended  # type: ignore[method-assign]
        asyncpg.prepared_stmt.PreparedStatement._PreparedStatement__do_execute = prepared  # type: ignore[attr-defined]

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

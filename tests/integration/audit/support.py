"""Reading the audit trail in tests: only what was written after a mark."""

from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine


async def mark(engine: AsyncEngine) -> int:
    """The trail is never reset between tests: a test reads what came after its mark."""
    async with engine.connect() as db:
        return int(await db.scalar(text("SELECT coalesce(max(seq), 0) FROM audit_log")) or 0)


async def entries_since(engine: AsyncEngine, since: int, **where: str) -> list[Any]:
    conditions = "".join(f" AND {column} = :{column}" for column in where)
    async with engine.connect() as db:
        rows = await db.execute(
            text(f"SELECT * FROM audit_log WHERE seq > :since{conditions} ORDER BY seq"),
            {"since": since, **where},
        )
        return list(rows)


async def trail_text_since(engine: AsyncEngine, since: int) -> str:
    """Everything the trail holds after the mark, as one text to search."""
    async with engine.connect() as db:
        found = await db.scalar(
            text(
                "SELECT coalesce(string_agg(concat_ws(' ', actor, entity_id, before::text,"
                " after::text), E'\\n'), '') FROM audit_log WHERE seq > :since"
            ),
            {"since": since},
        )
    return str(found)

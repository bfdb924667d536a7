"""Whether the database answers: the readiness probe's one question."""

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine


async def database_answers(engine: AsyncEngine) -> bool:
    """True when a trivial query comes back; any failure (refused, timed out, broken pool)
    means not ready, whatever its kind."""
    try:
        async with engine.connect() as db:
            await db.execute(text("select 1"))
    except Exception:
        return False
    return True

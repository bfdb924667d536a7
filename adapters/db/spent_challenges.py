"""Bot-check challenges already used, in PostgreSQL, so every API process refuses a reuse."""

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.tables.public import spent_challenges

SWEPT_PER_SPEND = 100  # expired rows removed on the way, so the table stays small


class SqlSpentChallenges:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def spend(self, digest: str, expires_at: datetime, now: datetime) -> bool:
        added = (
            insert(spent_challenges)
            .values(digest=digest, expires_at=expires_at)
            .on_conflict_do_nothing(index_elements=[spent_challenges.c.digest])
            .returning(spent_challenges.c.digest)
        )
        expired = (
            spent_challenges.select()
            .with_only_columns(spent_challenges.c.digest)
            .where(spent_challenges.c.expires_at < now)
            .limit(SWEPT_PER_SPEND)
        )
        async with self._engine.begin() as db:
            await db.execute(delete(spent_challenges).where(spent_challenges.c.digest.in_(expired)))
            return (await db.execute(added)).first() is not None

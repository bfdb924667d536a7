"""The email suppression list in PostgreSQL."""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.tables_notifications import email_opt_outs


class SqlOptOutList:
    """Each call is its own short transaction: an opt-out counts as soon as it is answered."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def add(self, address: str, at: datetime, source: str) -> None:
        async with self._engine.begin() as db:
            await db.execute(
                insert(email_opt_outs)
                .values(address=address, opted_out_at=at, source=source)
                .on_conflict_do_nothing(index_elements=["address"])
            )

    async def has(self, address: str) -> bool:
        async with self._engine.connect() as db:
            found = await db.execute(
                select(email_opt_outs.c.address).where(email_opt_outs.c.address == address)
            )
            return found.first() is not None

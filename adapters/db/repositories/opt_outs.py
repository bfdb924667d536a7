"""The suppression lists in PostgreSQL: email addresses, and phones that texted STOP."""

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import Table, delete, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.tables.notifications import email_opt_outs
from domain.notifications.ports import OptOut


class SqlOptOutList:
    """Each call is its own short transaction: an opt-out counts as soon as it is answered."""

    def __init__(self, engine: AsyncEngine, table: Table = email_opt_outs) -> None:
        self._engine = engine
        self._table = table

    async def add(self, address: str, at: datetime, source: str) -> None:
        async with self._engine.begin() as db:
            await db.execute(
                insert(self._table)
                .values(address=address, opted_out_at=at, source=source)
                .on_conflict_do_nothing(index_elements=["address"])
            )

    async def has(self, address: str) -> bool:
        async with self._engine.connect() as db:
            found = await db.execute(
                select(self._table.c.address).where(self._table.c.address == address)
            )
            return found.first() is not None

    async def status_of(self, addresses: Collection[str]) -> dict[str, OptOut]:
        wanted = list(dict.fromkeys(addresses))
        if not wanted:
            return {}
        t = self._table
        async with self._engine.connect() as db:
            rows = await db.execute(
                select(t.c.address, t.c.opted_out_at, t.c.source).where(t.c.address.in_(wanted))
            )
            return {r.address: OptOut(r.address, r.opted_out_at, r.source) for r in rows}

    async def remove(self, address: str) -> OptOut | None:
        t = self._table
        async with self._engine.begin() as db:
            removed = await db.execute(
                delete(t)
                .where(t.c.address == address)
                .returning(t.c.address, t.c.opted_out_at, t.c.source)
            )
            row = removed.first()
        return None if row is None else OptOut(row.address, row.opted_out_at, row.source)

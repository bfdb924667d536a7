"""Reading the address table whole, for the geocoder's in-memory index."""

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.repositories.addresses import VERSION_KEY
from adapters.db.tables.addresses import address_points
from adapters.db.tables.app_state import app_state
from domain.addresses.model import AddressPoint


class AddressPointReader:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def stamp(self) -> tuple[Any, int | None]:
        """Changes whenever the table does: the import version, and the newest row's id.

        The id catches rows added without an import (the demo loader adds its points in its
        own transaction and leaves the version alone).
        """
        version = select(app_state.c.value).where(app_state.c.key == VERSION_KEY)
        newest = select(func.max(address_points.c.id))
        async with self._engine.connect() as db:
            row = (
                await db.execute(select(version.scalar_subquery(), newest.scalar_subquery()))
            ).one()
        return row[0], row[1]

    async def points(self) -> list[AddressPoint]:
        query = select(
            address_points.c.address,
            address_points.c.zip,
            address_points.c.lat,
            address_points.c.long,
        ).order_by(address_points.c.id)
        async with self._engine.connect() as db:
            rows = (await db.execute(query)).all()
        return [AddressPoint(r.address, r.zip, r.lat, r.long) for r in rows]

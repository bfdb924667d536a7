"""The intake map's reference data in a map view: street lines and address points."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.tables.addresses import address_points, map_streets
from domain.maps.reference import AddressMark, BoundingBox, StreetRow


class MapReferenceReadModel:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def streets(self, box: BoundingBox, ranks: tuple[int, ...]) -> list[StreetRow]:
        """The streets of these ranks whose bounding box meets the view, most important first."""
        if not ranks:
            return []
        s = map_streets.c
        query = (
            select(s.name, s.rank, s.source, s.geometry)
            .where(
                s.rank.in_(ranks),
                s.min_x <= box.east,
                s.max_x >= box.west,
                s.min_y <= box.north,
                s.max_y >= box.south,
            )
            .order_by(s.rank, s.name, s.id)
        )
        async with self._engine.connect() as db:
            rows = (await db.execute(query)).all()
        return [StreetRow(r.name, r.rank, r.source, r.geometry) for r in rows]

    async def addresses(self, box: BoundingBox, limit: int) -> list[AddressMark]:
        a = address_points.c
        query = (
            select(a.address, a.house_number, a.lat, a.long)
            .where(a.lat.between(box.south, box.north), a.long.between(box.west, box.east))
            .order_by(a.id)
            .limit(limit)
        )
        async with self._engine.connect() as db:
            rows = (await db.execute(query)).all()
        return [AddressMark(r.address, r.house_number, r.lat, r.long) for r in rows]

"""A point inside each area, for public places shown by `area` (domain.privacy.public_place)."""

from collections.abc import Collection

import shapely
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.tables.jurisdictions import jurisdiction_areas as areas
from domain.privacy.public_place import AreaPoint


async def area_points(db: AsyncConnection, ids: Collection[int]) -> dict[int, AreaPoint]:
    """By area id. A representative point always lies inside its area, unlike a centroid."""
    if not ids:
        return {}
    query = select(areas.c.id, areas.c.name, areas.c.size, areas.c.geometry).where(
        areas.c.id.in_(sorted(ids))
    )
    rows = (await db.execute(query)).all()
    geometries = shapely.from_wkb([row.geometry for row in rows])
    points = shapely.point_on_surface(geometries)
    return {
        row.id: AreaPoint(row.name, round(point.y, 6), round(point.x, 6), row.size)
        for row, point in zip(rows, points, strict=True)
    }

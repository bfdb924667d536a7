"""Requests per service over a period, for the public site's most-used services."""

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.tables.requests import service_requests as t


class ServiceUsageReadModel:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def request_counts(self, since: datetime) -> dict[str, int]:
        query = (
            select(t.c.service_code, func.count().label("requests"))
            .where(t.c.requested_at >= since)
            .group_by(t.c.service_code)
        )
        async with self._engine.connect() as db:
            rows = (await db.execute(query)).all()
        return {row.service_code: row.requests for row in rows}

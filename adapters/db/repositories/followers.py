"""Followers of requests (domain/notifications/followers.py)."""

from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.tables.public import request_followers as f
from domain.notifications.followers import Follower


def _follower(row: Any) -> Follower:
    return Follower(
        id=row.id,
        request_id=row.request_id,
        email=row.email,
        language=row.language,
        created_at=row.created_at,
        confirmed_at=row.confirmed_at,
    )


FORGOTTEN_PER_CALL = 100  # a few at a time, on the way: the table stays small


class SqlFollowerRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def add(self, follower: Follower) -> None:
        await self._db.execute(f.insert().values(**follower.__dict__))

    async def get(self, follower_id: UUID, *, for_update: bool = False) -> Follower | None:
        query = select(f).where(f.c.id == follower_id)
        if for_update:
            query = query.with_for_update()
        row = (await self._db.execute(query)).first()
        return None if row is None else _follower(row)

    async def confirm(self, follower_id: UUID, at: datetime) -> None:
        await self._db.execute(update(f).where(f.c.id == follower_id).values(confirmed_at=at))

    async def confirmed_of(self, request_id: str) -> list[Follower]:
        query = (
            select(f)
            .where(f.c.request_id == request_id, f.c.confirmed_at.is_not(None))
            .order_by(f.c.created_at)
        )
        found: dict[str, Follower] = {}
        for row in await self._db.execute(query):
            found.setdefault(row.email, _follower(row))
        return list(found.values())

    async def forget_unconfirmed(self, asked_before: datetime) -> None:
        stale = (
            select(f.c.id)
            .where(f.c.confirmed_at.is_(None), f.c.created_at < asked_before)
            .limit(FORGOTTEN_PER_CALL)
        )
        await self._db.execute(delete(f).where(f.c.id.in_(stale)))

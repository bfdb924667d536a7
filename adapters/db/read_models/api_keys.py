"""Reading API keys: by secret on every keyed call, and the admin's list."""

from datetime import datetime, timedelta
from uuid import UUID

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.repositories.api_keys import api_key_from_row
from adapters.db.tables.open311 import api_keys
from domain.directory.api_keys import ApiKey, hash_secret

# last_used_at is a hint for admins, not an audit log: write it at most once a minute per key
TOUCH_EVERY = timedelta(minutes=1)


class ApiKeyReadModel:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def active_by_secret(self, secret: str) -> ApiKey | None:
        query = select(api_keys).where(
            api_keys.c.secret_hash == hash_secret(secret), api_keys.c.active
        )
        async with self._engine.connect() as db:
            row = (await db.execute(query)).first()
        return None if row is None else api_key_from_row(row)

    async def touch(self, key_id: UUID, at: datetime) -> None:
        query = (
            update(api_keys)
            .where(
                api_keys.c.id == key_id,
                or_(api_keys.c.last_used_at.is_(None), api_keys.c.last_used_at < at - TOUCH_EVERY),
            )
            .values(last_used_at=at)
        )
        async with self._engine.begin() as db:
            await db.execute(query)

    async def all(self) -> list[ApiKey]:
        query = select(api_keys).order_by(api_keys.c.created_at, api_keys.c.name)
        async with self._engine.connect() as db:
            return [api_key_from_row(r) for r in (await db.execute(query)).all()]

    async def get(self, key_id: UUID) -> ApiKey | None:
        async with self._engine.connect() as db:
            row = (await db.execute(select(api_keys).where(api_keys.c.id == key_id))).first()
        return None if row is None else api_key_from_row(row)

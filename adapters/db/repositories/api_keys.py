"""Repositories for API keys and Open311 submissions (explicit row <-> entity mapping)."""

from typing import Any
from uuid import UUID

from sqlalchemy import Row, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.tables.open311 import api_keys, open311_submissions
from domain.directory.api_keys import ApiKey, KeyRole
from domain.requests.submissions import Open311Submission


def api_key_from_row(row: Row[Any]) -> ApiKey:
    return ApiKey(
        id=row.id,
        name=row.name,
        role=KeyRole(row.role),
        secret_hash=row.secret_hash,
        created_at=row.created_at,
        department_code=row.department_code,
        active=row.active,
        last_used_at=row.last_used_at,
        revoked_at=row.revoked_at,
    )


def api_key_values(key: ApiKey) -> dict[str, Any]:
    return {
        "id": key.id,
        "name": key.name,
        "role": key.role.value,
        "secret_hash": key.secret_hash,
        "created_at": key.created_at,
        "department_code": key.department_code,
        "active": key.active,
        "last_used_at": key.last_used_at,
        "revoked_at": key.revoked_at,
    }


class SqlApiKeyRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def get(self, key_id: UUID) -> ApiKey | None:
        query = select(api_keys).where(api_keys.c.id == key_id).with_for_update()
        row = (await self._db.execute(query)).first()
        return None if row is None else api_key_from_row(row)

    async def add(self, key: ApiKey) -> None:
        await self._db.execute(insert(api_keys).values(**api_key_values(key)))

    async def save(self, key: ApiKey) -> None:
        values = api_key_values(key)
        await self._db.execute(update(api_keys).where(api_keys.c.id == key.id).values(**values))


class SqlOpen311SubmissionRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def add(self, submission: Open311Submission) -> None:
        await self._db.execute(insert(open311_submissions).values(**submission.__dict__))

"""Photo records (the bytes live in the MediaStore)."""

from collections.abc import Sequence
from dataclasses import asdict
from typing import Any
from uuid import UUID

from sqlalchemy import Row, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.tables.media import media
from domain.media.model import Photo
from domain.shared.vocabulary import Visibility


def photo_from_row(row: Row[Any]) -> Photo:
    values = row._asdict()
    return Photo(**{**values, "visibility": Visibility(values["visibility"])})


class SqlPhotoRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def add(self, photo: Photo) -> None:
        await self._db.execute(
            insert(media).values(**{**asdict(photo), "visibility": photo.visibility.value})
        )

    async def get(self, photo_id: UUID) -> Photo | None:
        row = (await self._db.execute(select(media).where(media.c.id == photo_id))).first()
        return None if row is None else photo_from_row(row)

    async def get_many(self, photo_ids: Sequence[UUID]) -> list[Photo]:
        rows = await self._db.execute(select(media).where(media.c.id.in_(list(photo_ids))))
        return [photo_from_row(row) for row in rows]

    async def of_request(self, request_id: str) -> list[Photo]:
        query = (
            select(media)
            .where(media.c.request_id == request_id)
            .order_by(media.c.created_at, media.c.id)
        )
        return [photo_from_row(row) for row in await self._db.execute(query)]

    async def attach(self, photo_id: UUID, request_id: str) -> None:
        await self._db.execute(
            update(media)
            .where(media.c.id == photo_id, media.c.request_id.is_(None))
            .values(request_id=request_id)
        )

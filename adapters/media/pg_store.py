"""Media bytes in PostgreSQL, content-addressed like the disk store: the key is the SHA-256 of
the bytes. With it, API machines share photos through the database and need no shared volume.

`put` commits in a transaction of its own, as the disk store writes a file: the port is called
before the photo's row is written (in the request's transaction, for Open311), so bytes of a
photo whose request is then refused stay behind, as they do on disk. Identical bytes are kept
once.
"""

import hashlib

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.tables.media import media_blobs
from adapters.media.local_store import KEY


class PostgresMediaStore:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def put(self, data: bytes) -> str:
        key = hashlib.sha256(data).hexdigest()
        statement = (
            insert(media_blobs)
            .values(key=key, bytes=data)
            .on_conflict_do_nothing(index_elements=[media_blobs.c.key])
        )
        async with self._engine.begin() as db:
            await db.execute(statement)
        return key

    async def get(self, key: str) -> bytes:
        if not KEY.fullmatch(key):
            raise KeyError(key)
        async with self._engine.connect() as db:
            data = await db.scalar(select(media_blobs.c.bytes).where(media_blobs.c.key == key))
        if data is None:
            raise KeyError(key)
        return bytes(data)

"""The PostgreSQL media store on the real database: what goes in comes out, keyed like the
disk store, stored once, and unknown or malformed keys are KeyError."""

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.tables.media import media_blobs
from adapters.media.local_store import LocalMediaStore
from adapters.media.pg_store import PostgresMediaStore

DATA = bytes(range(256)) * 1000  # every byte value, and large enough to leave the row


async def blob_count(engine: AsyncEngine) -> int:
    async with engine.connect() as db:
        return int(await db.scalar(select(func.count()).select_from(media_blobs)) or 0)


async def test_bytes_come_back_as_they_went_in(seeded: AsyncEngine) -> None:
    store = PostgresMediaStore(seeded)
    key = await store.put(DATA)
    assert key == hashlib.sha256(DATA).hexdigest()
    assert await store.get(key) == DATA
    assert await store.get(await store.put(b"\x00")) == b"\x00"


async def test_keys_are_those_of_the_disk_store(seeded: AsyncEngine, tmp_path: Path) -> None:
    assert await PostgresMediaStore(seeded).put(DATA) == await LocalMediaStore(tmp_path).put(DATA)


async def test_the_same_bytes_are_stored_once(seeded: AsyncEngine) -> None:
    store = PostgresMediaStore(seeded)
    before = await blob_count(seeded)
    assert await store.put(DATA) == await store.put(DATA)
    assert await blob_count(seeded) == before + 1


@pytest.mark.parametrize("key", ["0" * 64, "../etc/passwd", "A" * 64, "", "0" * 63 + "'"])
async def test_unknown_or_malformed_keys_are_key_errors(seeded: AsyncEngine, key: str) -> None:
    with pytest.raises(KeyError):
        await PostgresMediaStore(seeded).get(key)

"""`make backup` then `make restore` into a fresh database and media directory: the restored
instance serves the same requests, timelines and photos, and a restore refuses what it must."""

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path

import asyncpg
import pytest

from tests.database import (
    Server,
    asyncpg_url,
    database_name,
    drop_database,
    fresh_database,
    with_database,
)
from tests.integration.backup.support import command, instance, served, write_requests
from tests.templates import shared_template


@pytest.fixture
def source(postgres: Server) -> Iterator[str]:
    """A database of this test's own, migrated and holding the demo data."""
    with fresh_database(postgres.url, "backup_source", template=shared_template(postgres)) as url:
        yield url


@pytest.fixture
def target(postgres: Server) -> Iterator[str]:
    """The URL of a database that does not exist yet: the restore creates it."""
    name = database_name("backup_target")
    try:
        yield with_database(postgres.url, name)
    finally:
        drop_database(postgres.url, name)


async def counts(url: str) -> dict[str, int]:
    connection = await asyncpg.connect(asyncpg_url(url))
    try:
        tables = {"requests": "service_requests", "cases": "cases", "photos": "media"}
        return {
            label: await connection.fetchval(f"SELECT count(*) FROM {table}")
            for label, table in tables.items()
        }
    finally:
        await connection.close()


async def test_a_restored_backup_serves_the_same_requests_timelines_and_photos(
    source: str, target: str, tmp_path: Path
) -> None:
    media, restored_media = tmp_path / "media", tmp_path / "restored-media"
    async with instance(source, media) as client:
        ids = await write_requests(client)
        before = {request_id: await served(client, request_id) for request_id in ids}
    assert before[ids[0]]["photo_bytes"] and before[ids[0]]["timeline"]["items"]

    backed_up = await command(
        "backup", "--output", str(tmp_path), "--database-url", source, media=media
    )
    assert backed_up.returncode == 0, backed_up.stderr
    folder = Path(backed_up.stdout.strip().removeprefix("backup written: "))
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["counts"] == await counts(source)
    assert (await asyncio.to_thread(folder.stat)).st_mode & 0o777 == 0o700
    assert manifest["counts"]["photos"] >= 1 and manifest["media_files"] >= 1
    assert set(manifest["files"]) == {"database.dump", "media.tar"}

    restored = await command(
        "restore",
        str(folder),
        "--database-url",
        target,
        "--media-dir",
        str(restored_media),
        media=media,
    )
    assert restored.returncode == 0, restored.stderr
    assert "restoring the database" in restored.stderr  # the progress bars' final lines

    async with instance(target, restored_media) as client:
        after = {request_id: await served(client, request_id) for request_id in ids}
    assert after == before
    assert await counts(target) == manifest["counts"]


async def test_a_restore_refuses_an_altered_backup_and_a_database_with_tables(
    source: str, target: str, tmp_path: Path
) -> None:
    media = tmp_path / "media"
    backed_up = await command(
        "backup", "--output", str(tmp_path), "--database-url", source, media=media
    )
    assert backed_up.returncode == 0, backed_up.stderr
    folder = Path(backed_up.stdout.strip().removeprefix("backup written: "))

    into_source = await command("restore", str(folder), "--database-url", source, media=media)
    assert into_source.returncode == 1
    assert "already holds tables" in into_source.stderr

    with (folder / "database.dump").open("ab") as dump:
        dump.write(b"\0")
    altered = await command("restore", str(folder), "--database-url", target, media=media)
    assert altered.returncode == 1
    assert "database.dump has" in altered.stderr
    assert not await exists(target)  # refused before anything was written


async def exists(url: str) -> bool:
    try:
        connection = await asyncpg.connect(asyncpg_url(url))
    except asyncpg.InvalidCatalogNameError:
        return False
    await connection.close()
    return True

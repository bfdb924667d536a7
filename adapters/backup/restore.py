"""pg_restore of a backup's dump into an empty database (or, forced, over the same objects)."""

import asyncio
import re
from pathlib import Path

import asyncpg

from adapters.backup.connection import plain_url, tool_target
from adapters.backup.database import (
    DatabaseFacts,
    TargetNotEmpty,
    create_if_missing,
    holds_relations,
    read_facts,
)
from adapters.backup.dump import DUMP
from adapters.backup.manifest import BadBackup, Manifest
from adapters.backup.processes import Progress, output_of, run_tool
from adapters.backup.tools import Tool, find_tool, major_of

LOADING = re.compile(r'processing data for table "(.+)"')


async def restore_database(
    url: str, folder: Path, manifest: Manifest, progress: Progress, *, force: bool = False
) -> DatabaseFacts:
    """Restores `folder/database.dump` into `url` (created when missing) in one transaction:
    a failure leaves the database as it was. Refuses a database with tables unless `force`,
    which drops and recreates the backed-up objects (others stay)."""
    tool = await asyncio.to_thread(find_tool, "pg_restore", major_of(manifest.pg_dump_version))
    await create_if_missing(url)
    connection = await asyncpg.connect(plain_url(url))
    try:
        if not force and await holds_relations(connection):
            raise TargetNotEmpty(
                "the database to restore into already holds tables; restore into a new, empty "
                "database, or pass --force to replace the backed-up objects in it"
            )
        await _pg_restore(tool, url, folder / DUMP, progress, force)
        restored = await read_facts(connection)
    finally:
        await connection.close()
    check_restored(restored, manifest)
    return restored


async def _pg_restore(tool: Tool, url: str, dump: Path, progress: Progress, force: bool) -> None:
    target = tool_target(url)
    listing = await output_of([str(tool.path), "--list", str(dump)], target.env)
    total = sum(1 for line in listing.splitlines() if " TABLE DATA " in line)
    tables = 0

    def on_line(line: str) -> None:
        nonlocal tables
        if LOADING.search(line):
            tables += 1
            progress(tables, tables, total)

    argv = [str(tool.path), "--verbose", "--exit-on-error", "--single-transaction"]
    argv += ["--no-owner", "--no-privileges", f"--dbname={target.url}"]
    if force:
        argv += ["--clean", "--if-exists"]
    await run_tool([*argv, str(dump)], target.env, on_line)
    progress(tables, total, total)


def check_restored(restored: DatabaseFacts, manifest: Manifest) -> None:
    """The restored database holds what the manifest says was backed up."""
    if restored.counts != manifest.counts:
        raise BadBackup(
            f"restored counts {restored.counts} differ from the manifest's {manifest.counts}"
        )
    if restored.alembic_revision != manifest.alembic_revision:
        raise BadBackup(
            f"restored revision {restored.alembic_revision} is not the manifest's "
            f"{manifest.alembic_revision}"
        )

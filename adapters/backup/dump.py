"""pg_dump in custom format, from the same snapshot as the counts in the manifest."""

import asyncio
import re
from dataclasses import dataclass
from pathlib import Path

import asyncpg

from adapters.backup.connection import plain_url, tool_target
from adapters.backup.database import DatabaseFacts, read_facts, table_sizes
from adapters.backup.processes import Progress, run_tool
from adapters.backup.tools import Tool, find_tool

DUMP = "database.dump"
DUMPING = re.compile(r'dumping contents of table "(.+)"')


@dataclass(frozen=True)
class Dumped:
    facts: DatabaseFacts
    pg_dump_version: str


async def dump_database(url: str, folder: Path, progress: Progress) -> Dumped:
    """Writes `folder/database.dump`. The counts are read in a repeatable-read transaction
    whose snapshot pg_dump then shares, so the manifest describes exactly what was dumped."""
    connection = await asyncpg.connect(plain_url(url))
    try:
        async with connection.transaction(isolation="repeatable_read", readonly=True):
            snapshot = await connection.fetchval("SELECT pg_export_snapshot()")
            facts = await read_facts(connection)
            sizes = await table_sizes(connection)
            tool = await asyncio.to_thread(find_tool, "pg_dump", facts.server_major)
            await _pg_dump(tool, url, snapshot, folder / DUMP, sizes, progress)
    finally:
        await connection.close()
    return Dumped(facts, tool.version)


async def _pg_dump(
    tool: Tool, url: str, snapshot: str, out: Path, sizes: dict[str, int], progress: Progress
) -> None:
    target = tool_target(url)
    total = sum(sizes.values())
    tables = done = 0

    def on_line(line: str) -> None:
        nonlocal tables, done
        if match := DUMPING.search(line):
            tables += 1
            done += sizes.get(match.group(1), 0)
            progress(tables, done, total)

    argv = [str(tool.path), "--format=custom", "--verbose", f"--snapshot={snapshot}"]
    await run_tool([*argv, f"--file={out}", f"--dbname={target.url}"], target.env, on_line)
    progress(tables, total, total)

"""What a backup and a restore ask the database: its version, revision, counts and tables."""

from dataclasses import dataclass

import asyncpg

from adapters.backup.connection import database_name, plain_url, with_database

# What the manifest counts, and the restore compares: label -> table.
COUNTED = {"requests": "service_requests", "cases": "cases", "photos": "media"}

USER_RELATIONS = """
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
"""


class TargetNotEmpty(RuntimeError):
    """The database to restore into already holds tables."""


@dataclass(frozen=True)
class DatabaseFacts:
    server_version: str
    server_major: int
    alembic_revision: str | None
    counts: dict[str, int]


async def read_facts(connection: asyncpg.Connection) -> DatabaseFacts:
    version = await connection.fetchval("SHOW server_version")
    return DatabaseFacts(
        server_version=version,
        server_major=connection.get_server_version().major,
        alembic_revision=await _revision(connection),
        counts={label: await _count(connection, table) for label, table in COUNTED.items()},
    )


async def _revision(connection: asyncpg.Connection) -> str | None:
    if not await connection.fetchval("SELECT to_regclass('alembic_version') IS NOT NULL"):
        return None
    rows = await connection.fetch("SELECT version_num FROM alembic_version ORDER BY 1")
    return ",".join(row["version_num"] for row in rows) or None


async def _count(connection: asyncpg.Connection, table: str) -> int:
    if not await connection.fetchval("SELECT to_regclass($1) IS NOT NULL", table):
        return 0
    count: int = await connection.fetchval(f"SELECT count(*) FROM {table}")  # noqa: S608 - ours
    return count


async def table_sizes(connection: asyncpg.Connection) -> dict[str, int]:
    """Bytes per table ("schema.table", as pg_dump names it in its log), to weigh progress."""
    rows = await connection.fetch(
        "SELECT n.nspname || '.' || c.relname AS name, pg_table_size(c.oid) AS size"
        + USER_RELATIONS
        + " AND c.relkind = 'r'"
    )
    return {row["name"]: row["size"] for row in rows}


async def holds_relations(connection: asyncpg.Connection) -> bool:
    return bool(await connection.fetchval("SELECT count(*)" + USER_RELATIONS))


async def create_if_missing(url: str) -> bool:
    """Creates the database `url` names when its server lacks it; True when it did."""
    try:
        connection = await asyncpg.connect(plain_url(url))
    except asyncpg.InvalidCatalogNameError:
        pass
    else:
        await connection.close()
        return False
    name = database_name(url)
    admin = await asyncpg.connect(with_database(url, "postgres"))
    try:
        await admin.execute(f'CREATE DATABASE "{_identifier(name)}"')
    finally:
        await admin.close()
    return True


def _identifier(name: str) -> str:
    if not name or "\x00" in name:
        raise ValueError("not a database name")
    return name.replace('"', '""')

"""The migrations on a real PostgreSQL: every step reversible, and head equal to the tables."""

import asyncio
from typing import Any

import asyncpg
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.migrate import alembic_config, downgrade, upgrade
from adapters.db.tables import metadata
from adapters.db.tables.search import mapped
from tests.database import asyncpg_url, fresh_database

ALEMBIC = ("alembic_version", "alembic_version_pkc")
# pgqueuer's queue tables (and their sequences) come from its own install DDL in revision 0009,
# not from `metadata`: pgqueuer owns their shape. Every object of theirs starts with "pgqueuer".
PGQUEUER = "pgqueuer"


def not_pgqueuer(name: str) -> bool:
    return not name.startswith(PGQUEUER)


Snapshot = dict[str, Any]
# What a migration changes; functions with their settings (a pinned search_path, say).
SCHEMA = ("relations", "columns", "constraints", "indexes", "types", "functions")


async def _snapshot(url: str) -> Snapshot:
    """Everything in the public schema: relations, columns, constraints, index definitions,
    types, functions, and the revision."""
    connection = await asyncpg.connect(asyncpg_url(url))
    try:
        relations = await connection.fetch(
            """
            SELECT c.relkind::text AS kind, c.relname AS name
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' ORDER BY 1, 2
            """
        )
        columns = await connection.fetch(
            """
            SELECT table_name, column_name, data_type, is_nullable, column_default
            FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2
            """
        )
        constraints = await connection.fetch(
            """
            SELECT conrelid::regclass::text AS on_table, conname, contype::text,
                   pg_get_constraintdef(oid) AS definition
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2
            """
        )
        indexes = await connection.fetch(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1"
        )
        types = await connection.fetch(
            """
            SELECT typname FROM pg_type
            WHERE typnamespace = 'public'::regnamespace AND typtype IN ('e', 'd', 'r')
            ORDER BY 1
            """
        )
        functions = await connection.fetch(
            """
            SELECT p.oid::regprocedure::text AS signature, pg_get_functiondef(p.oid) AS definition
            FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.prokind = 'f'
            ORDER BY 1
            """
        )
        has_version_table = await connection.fetchval(
            "SELECT to_regclass('public.alembic_version') IS NOT NULL"
        )
        revisions = (
            [r["version_num"] for r in await connection.fetch("SELECT * FROM alembic_version")]
            if has_version_table
            else []
        )
    finally:
        await connection.close()
    return {
        "relations": [tuple(r) for r in relations if r["name"] not in ALEMBIC],
        "columns": [tuple(r) for r in columns if r["table_name"] != "alembic_version"],
        "constraints": [tuple(r) for r in constraints if r["on_table"] != "alembic_version"],
        "indexes": [tuple(r) for r in indexes if r["indexname"] not in ALEMBIC],
        "types": [r["typname"] for r in types],
        "functions": [tuple(r) for r in functions],
        "revisions": revisions,
    }


def snapshot(url: str) -> Snapshot:
    return asyncio.run(_snapshot(url))


def revisions_in_order(url: str) -> list[tuple[str, str]]:
    """(revision, what to downgrade to) from the first migration to head."""
    scripts = ScriptDirectory.from_config(alembic_config(url))
    assert len(scripts.get_heads()) == 1, "the migrations must have a single head"
    walked = list(scripts.walk_revisions("base", "heads"))
    walked.reverse()
    return [(s.revision, s.down_revision or "base") for s in walked]  # type: ignore[misc]


def expected_sequences() -> set[str]:
    """Our named sequences plus one per identity or serial key column in the tables."""
    named = {sequence.name for sequence in metadata._sequences.values()}
    keyed = {
        f"{table.name}_{column.name}_seq"
        for table in metadata.tables.values()
        for column in table.primary_key.columns
        if column.autoincrement is True
        or column.identity is not None
        or (
            column.autoincrement == "auto"
            and column.type.python_type is int
            and len(table.primary_key.columns) == 1
        )
    }
    return named | keyed


def test_every_revision_upgrades_downgrades_and_upgrades_again(pg_server: str) -> None:
    with fresh_database(pg_server, "stairway") as url:
        steps = revisions_in_order(url)
        assert steps, "there must be at least one migration"
        assert steps[0][1] == "base"
        before = snapshot(url)
        assert before["relations"] == [] and before["revisions"] == []

        for revision, previous in steps:
            upgrade(url, revision)
            after_upgrade = snapshot(url)
            assert after_upgrade["revisions"] == [revision]
            changed = [part for part in SCHEMA if after_upgrade[part] != before[part]]
            assert changed, f"{revision} changes nothing in the schema"

            downgrade(url, previous)
            after_downgrade = snapshot(url)
            expected_revisions = [] if previous == "base" else [previous]
            assert after_downgrade["revisions"] == expected_revisions
            for part in SCHEMA:
                assert after_downgrade[part] == before[part], f"{revision} down left {part}"

            upgrade(url, revision)
            again = snapshot(url)
            assert again == after_upgrade, f"{revision} is not the same after down and up"
            before = again

        head = steps[-1][0]
        assert before["revisions"] == [head]
        tables = {name for kind, name in before["relations"] if kind == "r" and not_pgqueuer(name)}
        assert tables == set(metadata.tables)
        sequences = {
            name for kind, name in before["relations"] if kind == "S" and not_pgqueuer(name)
        }
        assert sequences == expected_sequences()

        downgrade(url, "base")
        empty = snapshot(url)
        assert empty == {
            "relations": [],
            "columns": [],
            "constraints": [],
            "indexes": [],
            "types": [],
            "functions": [],
            "revisions": [],
        }

        upgrade(url, "head")
        assert snapshot(url) == before


def test_downgrade_to_base_leaves_no_table_or_sequence_of_ours(pg_server: str) -> None:
    async def ours(url: str) -> list[tuple[str, str]]:
        connection = await asyncpg.connect(asyncpg_url(url))
        try:
            tables = await connection.fetch(
                "SELECT 'table', table_name FROM information_schema.tables"
                " WHERE table_schema = 'public' AND table_name <> 'alembic_version'"
            )
            sequences = await connection.fetch(  # identity sequences included
                "SELECT 'sequence', relname::text FROM pg_class"
                " WHERE relkind = 'S' AND relnamespace = 'public'::regnamespace"
            )
        finally:
            await connection.close()
        return sorted(tuple(r) for r in [*tables, *sequences] if not_pgqueuer(r[1]))

    with fresh_database(pg_server, "base") as url:
        upgrade(url, "head")
        expected = sorted(
            [("sequence", name) for name in expected_sequences()]
            + [("table", name) for name in metadata.tables]
        )
        assert asyncio.run(ours(url)) == expected
        downgrade(url, "base")
        assert asyncio.run(ours(url)) == []
        upgrade(url, "head")
        assert asyncio.run(ours(url)) == expected


def _differences(connection: Connection) -> list[Any]:
    context = MigrationContext.configure(
        connection,
        opts={
            "compare_type": True,
            "compare_server_default": True,
            "include_name": lambda name, kind, _: (
                (kind != "table" or not_pgqueuer(name or "")) and mapped(name, kind)
            ),
        },
    )
    return list(compare_metadata(context, metadata))


async def test_migrated_schema_matches_the_table_metadata(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        differences = await connection.run_sync(_differences)
    assert differences == []


async def test_the_suite_database_is_at_head(engine: AsyncEngine, database_url: str) -> None:
    scripts = ScriptDirectory.from_config(alembic_config(database_url))
    async with engine.connect() as connection:
        current = await connection.run_sync(
            lambda sync: MigrationContext.configure(sync).get_current_heads()
        )
    assert current == tuple(scripts.get_heads())

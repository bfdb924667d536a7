"""Shared fixtures: one migrated database per test run, put back to a seeded state per test.

The demo data is loaded once per run and copied, table by table, into a baseline schema.
Before each test that asks for it, every table is emptied and refilled from that copy inside
PostgreSQL, and the sequences are put back: much faster than loading the data again, and
every test starts from exactly the same rows.
"""

from collections.abc import AsyncIterator, Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.auth.passwords import Argon2PasswordHasher
from adapters.db.engine import make_engine
from adapters.db.migrate import upgrade
from adapters.db.tables import metadata
from adapters.demo.loader import DEMO_PASSWORD, load_demo_data
from tests.database import fresh_database, server_url

KEPT = {"jurisdiction_state"}  # one row the migrations create; bumped instead
KEPT |= {"article_words", "article_word_variants"}  # the search vocabulary: it only grows
TABLES = [t.name for t in metadata.sorted_tables if t.name not in KEPT]
# pgqueuer's tables are not in `metadata` (the migration installs them): emptied, never copied.
QUEUE_TABLES = ["pgqueuer", "pgqueuer_log", "pgqueuer_schedules", "pgqueuer_statistics"]


async def _clear(db: AsyncConnection) -> None:
    for table in [*QUEUE_TABLES, *reversed(TABLES)]:
        await db.execute(text(f'DELETE FROM "{table}"'))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    with server_url() as url:
        yield url


@pytest.fixture(scope="session")
def database_url(pg_server: str) -> Iterator[str]:
    with fresh_database(pg_server, "suite") as url:
        upgrade(url)
        yield url


@pytest.fixture(scope="session")
def demo_password_hash() -> str:
    return Argon2PasswordHasher().hash_now(DEMO_PASSWORD)


@pytest.fixture(scope="session")
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(database_url, pool_size=5, max_overflow=5)
    yield engine
    await engine.dispose()


async def empty(engine: AsyncEngine) -> None:
    async with engine.begin() as db:
        await _clear(db)
        await _restart_sequences(db)


async def _restart_sequences(db: AsyncConnection) -> None:
    await db.execute(text("ALTER SEQUENCE request_number_seq RESTART WITH 1"))
    for table in TABLES:
        column = metadata.tables[table].c.get("id")
        if column is not None and column.identity is not None:
            await db.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'),"
                    f' coalesce((SELECT max(id) FROM "{table}"), 0) + 1, false)'
                )
            )
    await db.execute(text("UPDATE jurisdiction_state SET version = version + 1"))


COPIED: dict[str, str] = {}  # table -> its stored (not generated) columns, quoted


async def _stored_columns(db: AsyncConnection, table: str) -> str:
    names = await db.execute(
        text(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'"
            " AND table_name = :table AND is_generated = 'NEVER' ORDER BY ordinal_position"
        ),
        {"table": table},
    )
    return ", ".join(f'"{name}"' for (name,) in names)


async def snapshot(engine: AsyncEngine, schema: str) -> None:
    async with engine.begin() as db:
        await db.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        await db.execute(text(f'CREATE SCHEMA "{schema}"'))
        for table in TABLES:
            COPIED[table] = columns = await _stored_columns(db, table)
            await db.execute(
                text(f'CREATE TABLE "{schema}"."{table}" AS SELECT {columns} FROM "{table}"')
            )


async def restore(engine: AsyncEngine, schema: str) -> None:
    async with engine.begin() as db:
        await _clear(db)
        for table in TABLES:
            columns = COPIED[table]
            source = f'"{schema}"."{table}"'
            await db.execute(
                text(f'INSERT INTO "{table}" ({columns}) SELECT {columns} FROM {source}')
            )
        await _restart_sequences(db)


@pytest.fixture(scope="session")
async def baselines(engine: AsyncEngine, demo_password_hash: str) -> AsyncEngine:
    """Two copies of the demo data: without and with the boundary layers."""
    for schema, layers in (("baseline", False), ("baseline_layers", True)):
        await empty(engine)
        await load_demo_data(engine, demo_password_hash, layers=layers)
        await snapshot(engine, schema)
    await empty(engine)
    return engine


@pytest.fixture
async def seeded(baselines: AsyncEngine) -> AsyncIterator[AsyncEngine]:
    """The demo catalog, users, addresses and articles, as no other test has left them."""
    await restore(baselines, "baseline")
    yield baselines
    await empty(baselines)


@pytest.fixture
async def seeded_with_layers(baselines: AsyncEngine) -> AsyncIterator[AsyncEngine]:
    """As `seeded`, plus the demo boundary layers (Baltimore served, Maryland refers)."""
    await restore(baselines, "baseline_layers")
    yield baselines
    await empty(baselines)

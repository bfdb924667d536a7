"""Shared fixtures: one migrated database per test run, emptied and re-seeded after each test."""

from collections.abc import AsyncIterator, Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.auth.passwords import Argon2PasswordHasher
from adapters.db.engine import make_engine
from adapters.db.migrate import upgrade
from adapters.demo.loader import DEMO_PASSWORD, load_demo_data
from tests.database import fresh_database, server_url

TABLES = (
    "cases, residents, rate_limits, "
    "routing_rules, jurisdiction_areas, jurisdiction_layers, request_timeline, service_requests,"
    " users, services, departments, app_state, address_points"
    ", article_versions, articles, triage_terms"  # the spelling vocabulary only grows: kept
)


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


async def reset(engine: AsyncEngine) -> None:
    async with engine.begin() as db:
        await db.execute(text(f"TRUNCATE {TABLES} RESTART IDENTITY CASCADE"))
        await db.execute(text("ALTER SEQUENCE request_number_seq RESTART WITH 1"))
        await db.execute(text("UPDATE jurisdiction_state SET version = version + 1"))


@pytest.fixture
async def seeded(engine: AsyncEngine, demo_password_hash: str) -> AsyncIterator[AsyncEngine]:
    """The demo catalog and users, in a database that no other test has touched."""
    await reset(engine)
    await load_demo_data(engine, demo_password_hash, layers=False)
    yield engine
    await reset(engine)


@pytest.fixture
async def seeded_with_layers(
    engine: AsyncEngine, demo_password_hash: str
) -> AsyncIterator[AsyncEngine]:
    """As `seeded`, plus the demo boundary layers (Baltimore served, Maryland refers)."""
    await reset(engine)
    await load_demo_data(engine, demo_password_hash, layers=True)
    yield engine
    await reset(engine)

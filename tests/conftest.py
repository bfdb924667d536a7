"""Shared fixtures: one database per test process, put back to a seeded state per test.

The run migrates and seeds one template database (tests/templates.py); each process (each
xdist worker, or the only one) copies it with `CREATE DATABASE … TEMPLATE`. The template keeps
the demo data in baseline schemas; before each test that asks for it, the tables written
since the last test are refilled from there (tests/baselines.py): every test starts from
exactly the same rows, and pays only for what the previous one changed.
"""

from collections.abc import AsyncIterator, Iterator

import asyncpg
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.auth.passwords import Argon2PasswordHasher
from adapters.db.engine import make_engine
from adapters.demo.loader import DEMO_PASSWORD
from tests.baselines import Baselines
from tests.database import Server, asyncpg_url, fresh_database, postgres_server
from tests.templates import FIRST, close_run_directory, open_run_directory, shared_template


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_OPENED_RUN] = open_run_directory()


def pytest_unconfigure(config: pytest.Config) -> None:
    if config.stash.get(_OPENED_RUN, False):
        close_run_directory()


_OPENED_RUN = pytest.StashKey[bool]()


@pytest.fixture(scope="session")
def postgres() -> Iterator[Server]:
    with postgres_server() as server:
        yield server


@pytest.fixture(scope="session")
def pg_server(postgres: Server) -> str:
    return postgres.url


@pytest.fixture(scope="session")
def database_url(postgres: Server) -> Iterator[str]:
    """This process's database: a copy of the run's template, at head and seeded."""
    with fresh_database(postgres.url, "suite", template=shared_template(postgres)) as url:
        yield url


@pytest.fixture(scope="session")
def demo_password_hash() -> str:
    return Argon2PasswordHasher().hash_now(DEMO_PASSWORD)


@pytest.fixture(scope="session")
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(database_url, pool_size=5, max_overflow=5)
    yield engine
    await engine.dispose()


@pytest.fixture(scope="session")
async def reset_connection(database_url: str) -> AsyncIterator[asyncpg.Connection]:
    connection = await asyncpg.connect(asyncpg_url(database_url))
    yield connection
    await connection.close()


@pytest.fixture(scope="session")
async def baselines(reset_connection: asyncpg.Connection) -> Baselines:
    return await Baselines.read(reset_connection, loaded=FIRST)


@pytest.fixture
async def seeded(
    engine: AsyncEngine, baselines: Baselines, reset_connection: asyncpg.Connection
) -> AsyncEngine:
    """The demo catalog, users, addresses and articles, as no other test has left them."""
    await baselines.put_back(reset_connection, "baseline")
    return engine


@pytest.fixture
async def seeded_with_layers(
    engine: AsyncEngine, baselines: Baselines, reset_connection: asyncpg.Connection
) -> AsyncEngine:
    """As `seeded`, plus the demo boundary layers (Baltimore served, Maryland refers)."""
    await baselines.put_back(reset_connection, "baseline_layers")
    return engine


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Keeps the fault test's counts (tests/chaos), which reach the xdist controller as the
    report's user properties, so the summary shows them even when the test passes."""
    for name, value in report.user_properties:
        if name == "chaos_counts" and report.when == "call":
            CHAOS_COUNTS.append(str(value))


CHAOS_COUNTS: list[str] = []


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for counts in CHAOS_COUNTS:
        terminalreporter.write_sep("-", "fault test (tests/chaos)")
        terminalreporter.write_line(counts)

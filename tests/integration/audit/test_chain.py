"""The hash chain: sealed in `seq` order though numbers commit out of order, and
`frontdoor audit verify` names the first entry changed or deleted behind the app's back.

Each test breaks the chain of its own copy of the template database, for good."""

import asyncio
from collections.abc import AsyncIterator, Iterator

import asyncpg
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.acting import acting_as
from adapters.db.audit_chain import AuditChain
from adapters.db.engine import make_engine
from api.cli import main as frontdoor
from tests.database import Server, asyncpg_url, fresh_database
from tests.templates import shared_template

APPEND_ONLY = "audit_log_append_only"


@pytest.fixture
def own_database(postgres: Server) -> Iterator[str]:
    with fresh_database(postgres.url, "audit", template=shared_template(postgres)) as url:
        yield url


@pytest.fixture
async def engine(own_database: str) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(own_database, pool_size=3, max_overflow=0)
    yield engine
    await engine.dispose()


async def add_departments(engine: AsyncEngine, *codes: str) -> None:
    with acting_as("admin@example.org"):
        async with engine.begin() as db:
            for code in codes:
                await db.execute(
                    text("INSERT INTO departments (code, name) VALUES (:code, :code)"),
                    {"code": code},
                )


async def seq_of(engine: AsyncEngine, entity_id: str) -> int:
    async with engine.connect() as db:
        found = await db.scalar(
            text("SELECT seq FROM audit_log WHERE entity_id = :id"), {"id": entity_id}
        )
    return int(found)


async def as_superuser(url: str, *statements: str) -> None:
    """What an intruder with the database's superuser does: the triggers off, then the act."""
    connection = await asyncpg.connect(asyncpg_url(url))
    try:
        async with connection.transaction():
            for statement in statements:
                await connection.execute(statement)
    finally:
        await connection.close()


def tampering(table: str, statement: str) -> tuple[str, ...]:
    return (
        f"ALTER TABLE {table} DISABLE TRIGGER {table}_append_only",
        statement,
        f"ALTER TABLE {table} ENABLE ALWAYS TRIGGER {table}_append_only",
    )


async def test_a_sealed_trail_verifies_and_sealing_twice_adds_nothing(
    engine: AsyncEngine,
) -> None:
    await add_departments(engine, "chain-a", "chain-b")
    chain = AuditChain(engine)

    assert await chain.seal() > 0
    assert await chain.seal() == 0
    verdict = await chain.verify()

    assert verdict.intact and verdict.unsealed == 0 and verdict.checked > 2


async def test_a_number_still_in_flight_holds_the_seal_back_until_it_commits(
    engine: AsyncEngine,
) -> None:
    """11 drawn, 12 committed, 11 not yet: sealing 12 now would leave no place for 11."""
    chain = AuditChain(engine)
    await chain.seal()
    slow = await engine.connect()
    try:
        with acting_as("slow@example.org"):
            await slow.execute(text("INSERT INTO departments (code, name) VALUES ('slow', 's')"))
        slow_seq = await slow.scalar(text("SELECT max(seq) FROM audit_log"))
        await add_departments(engine, "fast")
        assert await seq_of(engine, "fast") > slow_seq

        assert await AuditChain(engine, wait_seconds=0.2).seal() == 0

        await slow.commit()
    finally:
        await slow.close()
    assert await chain.seal() == 2
    assert (await chain.verify()).intact


async def test_a_rolled_back_number_leaves_a_gap_the_chain_steps_over(
    engine: AsyncEngine,
) -> None:
    async with engine.begin() as db:
        await db.execute(text("INSERT INTO departments (code, name) VALUES ('gone', 'g')"))
        await db.rollback()
    await add_departments(engine, "after-the-gap")

    assert (await AuditChain(engine).verify()).intact


async def test_an_edited_entry_is_named(engine: AsyncEngine, own_database: str) -> None:
    await add_departments(engine, "edited", "next")
    await AuditChain(engine).seal()
    edited = await seq_of(engine, "edited")

    await as_superuser(
        own_database,
        *tampering("audit_log", f"UPDATE audit_log SET actor = 'nobody' WHERE seq = {edited}"),
    )
    verdict = await AuditChain(engine).verify()

    assert verdict.broken_seq == edited and "changed" in verdict.reason


async def test_a_deleted_entry_is_named_with_or_without_its_seal(
    engine: AsyncEngine, own_database: str
) -> None:
    await add_departments(engine, "gone", "next")
    await AuditChain(engine).seal()
    gone = await seq_of(engine, "gone")

    await as_superuser(
        own_database, *tampering("audit_log", f"DELETE FROM audit_log WHERE seq = {gone}")
    )
    verdict = await AuditChain(engine).verify()
    assert (verdict.broken_seq, verdict.reason) == (gone, "this row was deleted")

    await as_superuser(
        own_database, *tampering("audit_seals", f"DELETE FROM audit_seals WHERE seq = {gone}")
    )
    verdict = await AuditChain(engine).verify()
    assert (verdict.broken_seq, verdict.reason) == (gone, "this row was deleted, with its seal")


async def test_entries_swapped_are_named(engine: AsyncEngine, own_database: str) -> None:
    await add_departments(engine, "one", "two")
    await AuditChain(engine).seal()
    one, two = await seq_of(engine, "one"), await seq_of(engine, "two")

    await as_superuser(
        own_database,
        *tampering(
            "audit_log",
            f"UPDATE audit_log SET seq = CASE seq WHEN {one} THEN 0 - {two} ELSE 0 - {one} END"
            f" WHERE seq IN ({one}, {two}); UPDATE audit_log SET seq = -seq WHERE seq < 0",
        ),
    )

    assert (await AuditChain(engine).verify()).broken_seq == one


def test_the_command_exits_0_on_a_whole_trail_and_1_naming_the_broken_entry(
    own_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert frontdoor(["audit", "verify", "--database-url", own_database]) == 0
    out, err = capsys.readouterr()
    assert "audit trail intact" in out and "0 not sealed yet; head " in out
    assert err.rstrip().endswith("0:00 left")  # the progress bar's final line

    asyncio.run(
        as_superuser(
            own_database,
            *tampering("audit_log", "UPDATE audit_log SET after = '{}' WHERE seq = 2"),
        )
    )
    assert frontdoor(["audit", "verify", "--database-url", own_database]) == 1
    assert "audit trail broken at seq 2: this row was changed" in capsys.readouterr().err

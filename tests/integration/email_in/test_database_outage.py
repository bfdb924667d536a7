"""Issue 15's acceptance, database outage: on a private PostgreSQL cluster (never the shared
server), stopped under the listener: the message gets 451, and after the restart the
sending server's resend is stored exactly once."""

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from adapters.db.engine import make_engine
from adapters.db.migrate import upgrade
from adapters.db.tables.inbox import messages
from adapters.email_in.smtp import InboundSmtpHandler, start_smtp_listener
from api.bootstrap import use_case_context
from api.mail_in_bootstrap import email_ingestion
from api.settings import Settings
from bench.server import free_port
from domain.shared.clock import SystemClock
from tests.database import create_database
from tests.integration.email_in.smtp_client import send
from tests.private_postgres import PrivatePostgres, private_postgres
from tests.unit.adapters.email_in.mail import as_bytes, email


@pytest.fixture(scope="module")
def cluster() -> Iterator[tuple[PrivatePostgres, str]]:
    with private_postgres() as server:
        url = create_database(server.url, "frontdoor")
        upgrade(url)
        yield server, url


@pytest.fixture
async def listener(
    cluster: tuple[PrivatePostgres, str], tmp_path: Path
) -> AsyncIterator[tuple[PrivatePostgres, int, str]]:
    server, url = cluster
    settings = Settings(database_url=url, media_dir=str(tmp_path / "media"))
    engine = make_engine(url, pool_size=2, max_overflow=0)
    ingestion = email_ingestion(settings, engine, use_case_context(engine, SystemClock()))
    port = free_port()
    smtp = await start_smtp_listener(InboundSmtpHandler(ingestion.ingest), "127.0.0.1", port, 10**6)
    yield server, port, url
    smtp.close()
    await smtp.wait_closed()
    await engine.dispose()


async def _count(url: str, external_id: str) -> int:
    engine = make_engine(url, pool_size=1, max_overflow=0)
    try:
        async with engine.connect() as db:
            query = select(func.count()).where(messages.c.external_id == external_id)
            return int((await db.execute(query)).scalar_one())
    finally:
        await engine.dispose()


async def test_while_the_database_is_down_mail_gets_451_and_its_resend_is_stored_once(
    listener: tuple[PrivatePostgres, int, str],
) -> None:
    server, port, url = listener
    before = as_bytes(email(message_id="<before-outage@mail.example.net>"))
    assert (await send(port, before)).code == 250  # the pool holds live connections

    raw = as_bytes(email("Water main break on 5th St.", message_id="<outage@mail.example.net>"))
    await asyncio.to_thread(server.stop)
    try:
        refused = await send(port, raw)
        assert (refused.code, refused.text[:5]) == (451, "4.3.0")
    finally:
        await asyncio.to_thread(server.start)

    assert (await send(port, raw)).code == 250  # the sending server retries
    assert (await send(port, raw)).code == 250  # and again, its 250 lost on the way
    assert await _count(url, "outage@mail.example.net") == 1
    assert await _count(url, "before-outage@mail.example.net") == 1

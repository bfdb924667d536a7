"""The inbound SMTP listener on a free port, on the test's event loop, wired as
`python -m api mail-in` wires it, over the API's database."""

from collections.abc import AsyncIterator

import pytest

from adapters.db.unit_of_work import SqlUnitOfWork
from adapters.email_in.smtp import InboundSmtpHandler, start_smtp_listener
from api.bootstrap import Container
from api.mail_in_bootstrap import email_ingestion
from api.settings import Settings
from bench.server import free_port
from domain.inbox.model import Message, MessageChannel

MAX_BYTES = 25 * 1024 * 1024


@pytest.fixture
async def smtp_port(settings: Settings, container: Container, client: object) -> AsyncIterator[int]:
    """`client` first: the database is put back to its seeded state before mail arrives."""
    ingestion = email_ingestion(settings, container.engine, container.context)
    port = free_port()
    server = await start_smtp_listener(
        InboundSmtpHandler(ingestion.ingest), "127.0.0.1", port, MAX_BYTES
    )
    yield port
    server.close()
    await server.wait_closed()


async def stored(container: Container, external_id: str) -> Message:
    async with SqlUnitOfWork(container.engine) as uow:
        message = await uow.messages.by_external_id(MessageChannel.EMAIL, external_id)
    assert message is not None, f"no message {external_id} was stored"
    return message

"""`python -m api mail-in`, as `make run` starts it: it listens where it is told, polls the
mailbox it is given, stores what it takes, and stops on SIGTERM."""

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from adapters.db.unit_of_work import SqlUnitOfWork
from api.bootstrap import Container
from bench.server import free_port
from domain.inbox.model import Message, MessageChannel
from tests.api.inbox_email.conftest import stored
from tests.integration.email_in.dovecot import Dovecot, dovecot
from tests.integration.email_in.smtp_client import send
from tests.shared_data import REPO
from tests.unit.adapters.email_in.mail import as_bytes, email


def _wait_for(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("python -m api mail-in did not listen")


@pytest.fixture(scope="module")
def mailbox() -> Iterator[Dovecot]:
    with dovecot() as server:
        yield server


@pytest.fixture
def mail_in(
    database_url: str, client: object, mailbox: Dovecot
) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    """`client` first: the database is put back to its seeded state before mail arrives."""
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "FRONTDOOR_SMTP_INBOUND_PORT": str(port),
        "FRONTDOOR_IMAP_HOST": "127.0.0.1",
        "FRONTDOOR_IMAP_PORT": str(mailbox.port),
        "FRONTDOOR_IMAP_USER": mailbox.user,
        "FRONTDOOR_IMAP_PASSWORD": mailbox.password,
        "FRONTDOOR_IMAP_TLS": "false",
        "FRONTDOOR_IMAP_POLL_SECONDS": "1",
        "FRONTDOOR_LOG_LEVEL": "WARNING",
    }
    process = subprocess.Popen([sys.executable, "-m", "api", "mail-in"], env=env, cwd=REPO)
    try:
        _wait_for(port, process)
        yield process, port
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


async def _polled(container: Container, external_id: str) -> Message:
    """Waits for the poller's next rounds (each FRONTDOOR_IMAP_POLL_SECONDS) to store it."""
    deadline = time.monotonic() + 30
    while True:
        async with SqlUnitOfWork(container.engine) as uow:
            found = await uow.messages.by_external_id(MessageChannel.EMAIL, external_id)
        if found is not None or time.monotonic() > deadline:
            assert found is not None, "the mailbox was not polled"
            return found
        await asyncio.sleep(0.2)


async def test_the_mail_in_process_receives_by_smtp_and_imap_and_stops_on_sigterm(
    mail_in: tuple[subprocess.Popen[bytes], int], container: Container, mailbox: Dovecot
) -> None:
    process, port = mail_in
    raw = as_bytes(email(message_id="<process-1@mail.example.net>"))
    assert (await send(port, raw)).code == 250
    assert (await stored(container, "process-1@mail.example.net")).case_id is not None
    polled = email("Sent to the mailbox.", message_id="<process-2@mail.example.net>")
    await asyncio.to_thread(mailbox.append, as_bytes(polled))
    assert (await _polled(container, "process-2@mail.example.net")).case_id is not None
    process.send_signal(signal.SIGTERM)
    assert await asyncio.to_thread(process.wait, 30) == 0

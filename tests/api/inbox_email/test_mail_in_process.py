"""`python -m api mail-in`, as `make run` starts it: it listens where it is told, stores what
it takes, and stops on SIGTERM."""

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from api.bootstrap import Container
from bench.server import free_port
from tests.api.inbox_email.conftest import stored
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


@pytest.fixture
def mail_in(database_url: str, client: object) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    """`client` first: the database is put back to its seeded state before mail arrives."""
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "FRONTDOOR_SMTP_INBOUND_PORT": str(port),
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


async def test_the_mail_in_process_receives_over_smtp_and_stops_on_sigterm(
    mail_in: tuple[subprocess.Popen[bytes], int], container: Container
) -> None:
    process, port = mail_in
    raw = as_bytes(email(message_id="<process-1@mail.example.net>"))
    assert (await send(port, raw)).code == 250
    assert (await stored(container, "process-1@mail.example.net")).case_id is not None
    process.send_signal(signal.SIGTERM)
    assert await asyncio.to_thread(process.wait, 30) == 0

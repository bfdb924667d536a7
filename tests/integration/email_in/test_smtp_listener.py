"""The listener over real SMTP: 250 once stored, 451 while storing fails, 550 for mail it
refuses for good, 552 over the size it announces."""

import asyncio
from collections.abc import AsyncIterator, Callable

import pytest
from aiosmtpd.smtp import Envelope
from sqlalchemy.exc import OperationalError

from adapters.email_in.parsing import BadMessage
from adapters.email_in.smtp import ACCEPTED, InboundSmtpHandler, start_smtp_listener
from bench.server import free_port
from tests.integration.email_in.smtp_client import send, size_limit
from tests.unit.adapters.email_in.mail import as_bytes, email

MAX_BYTES = 64 * 1024


class Store:
    """Stands in for the ingestion; `fail_with` makes the next message fail that way."""

    def __init__(self) -> None:
        self.stored: list[tuple[bytes, str | None]] = []
        self.fail_with: Callable[[], Exception] | None = None

    async def __call__(self, raw: bytes, envelope_sender: str | None) -> None:
        if self.fail_with is not None:
            error, self.fail_with = self.fail_with(), None
            raise error
        self.stored.append((raw, envelope_sender))


@pytest.fixture
async def listener() -> AsyncIterator[tuple[Store, int]]:
    store, port = Store(), free_port()
    server = await start_smtp_listener(InboundSmtpHandler(store), "127.0.0.1", port, MAX_BYTES)
    yield store, port
    server.close()
    await server.wait_closed()


async def test_a_stored_message_gets_250_with_its_bytes_and_envelope(
    listener: tuple[Store, int],
) -> None:
    store, port = listener
    raw = as_bytes(email())
    reply = await send(port, raw)
    assert reply.code == 250
    [(stored, sender)] = store.stored
    assert stored.replace(b"\r\n", b"\n") == raw.replace(b"\r\n", b"\n")
    assert sender == "rosa@example.net"


@pytest.mark.parametrize(
    "failure",
    [
        lambda: OperationalError("INSERT", {}, ConnectionRefusedError("connection refused")),
        lambda: ConnectionRefusedError(111, "Connection refused"),
        lambda: RuntimeError("a bug"),
    ],
)
async def test_a_message_that_could_not_be_stored_gets_451_and_is_retried(
    listener: tuple[Store, int], failure: Callable[[], Exception]
) -> None:
    store, port = listener
    store.fail_with = failure
    first = await send(port, as_bytes(email()))
    assert (first.code, first.text[:5]) == (451, "4.3.0")
    assert store.stored == []
    assert (await send(port, as_bytes(email()))).code == 250
    assert len(store.stored) == 1


async def test_mail_refused_for_good_gets_550(listener: tuple[Store, int]) -> None:
    store, port = listener
    store.fail_with = lambda: BadMessage("the message names no sender address")
    reply = await send(port, as_bytes(email()))
    assert reply.code == 550
    assert "no sender address" in reply.text


async def test_the_size_limit_is_announced_and_mail_over_it_gets_552(
    listener: tuple[Store, int],
) -> None:
    store, port = listener
    assert await asyncio.to_thread(size_limit, port) == MAX_BYTES
    big = as_bytes(email("line\n" * (MAX_BYTES // 4)))
    assert (await send(port, big)).code == 552  # refused at MAIL FROM, by its SIZE
    assert (await send(port, big, announce_size=False)).code == 552  # at the end of DATA
    assert store.stored == []


async def test_messages_beyond_the_limit_wait_their_turn() -> None:
    """On the handler itself, so that the order is certain: the second message's ingest
    starts only once the first one has finished."""
    started: list[bytes] = []
    release = asyncio.Event()

    async def slow_store(raw: bytes, envelope_sender: str | None) -> None:
        started.append(raw)
        await release.wait()

    handler = InboundSmtpHandler(slow_store, at_once=1)
    first = asyncio.create_task(handler.handle_DATA(None, None, _envelope(b"one")))  # type: ignore[arg-type]
    second = asyncio.create_task(handler.handle_DATA(None, None, _envelope(b"two")))  # type: ignore[arg-type]
    for _ in range(5):
        await asyncio.sleep(0)
    assert started == [b"one"]
    release.set()
    assert await first == await second == ACCEPTED
    assert started == [b"one", b"two"]


def _envelope(raw: bytes) -> Envelope:
    envelope = Envelope()
    envelope.original_content = raw
    envelope.mail_from = "rosa@example.net"
    return envelope

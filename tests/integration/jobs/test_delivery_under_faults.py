"""Acceptance: delivery under faults, with real worker processes and a real HTTP receiver.

The receiver (http.server on a free loopback port) is down while the first worker starts
retrying. When it comes up it holds the first request open, and the worker sending it is
killed (SIGKILL) in the middle of that delivery. A second worker takes over the stalled
job after the heartbeat timeout. In the end every event is delivered, every signature
verifies, and the receiver - dropping duplicates by `webhook-id` as Standard Webhooks
asks - has each event exactly once. Every wait is bounded; no sleep is longer than a poll.
"""

import asyncio
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import IO, Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.unit_of_work import SqlUnitOfWork
from bench.server import free_port
from domain.shared.clock import SystemClock
from domain.shared.events import Event, EventType
from domain.webhooks.signing import verify
from tests.integration.jobs.helpers import add_subscription

EVENTS = 8
POLL = 0.05


class Receiver:
    """Keeps every request; holds the first one open until released."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.received: list[dict[str, str]] = []
        self.holding = threading.Event()
        self.release = threading.Event()
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    def start(self) -> None:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers["content-length"])
                body = self.rfile.read(length)
                if len(body) < length:
                    return  # the sender was killed mid-request: nothing was delivered
                record = {
                    "id": self.headers["webhook-id"],
                    "timestamp": self.headers["webhook-timestamp"],
                    "signature": self.headers["webhook-signature"],
                    "body": body.decode(),
                }
                with receiver._lock:
                    receiver.received.append(record)
                    hold = not receiver.holding.is_set()
                    receiver.holding.set()
                if hold:
                    receiver.release.wait(timeout=60)
                try:
                    self.send_response(200)
                    self.end_headers()
                except OSError:
                    pass  # the sender is dead: nobody reads the answer

            def log_message(self, *_: Any) -> None:
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.release.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()


async def wait_for(what: str, check: Callable[[], Awaitable[bool]], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not await check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(POLL)


@contextmanager
def worker(database_url: str, log: IO[bytes]) -> Iterator[subprocess.Popen[bytes]]:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "FRONTDOOR_WORKER_HEARTBEAT_SECONDS": "1",
        "FRONTDOOR_WEBHOOK_RETRY_BASE_SECONDS": "0.1",
        "FRONTDOOR_WEBHOOK_RETRY_CAP_SECONDS": "0.5",
        "FRONTDOOR_WEBHOOK_TIMEOUT_SECONDS": "60",
        "FRONTDOOR_ESCALATION_CRON": "",
        "FRONTDOOR_OUTBOUND_ALLOW_LOOPBACK": "true",  # the receiver is on 127.0.0.1
    }
    root = Path(__file__).resolve().parents[3]
    process = subprocess.Popen(
        [sys.executable, "-m", "api", "worker"], env=env, cwd=root, stdout=log, stderr=log
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


async def query(engine: AsyncEngine, sql: str) -> list[tuple[Any, ...]]:
    async with engine.connect() as db:
        return [tuple(row) for row in await db.execute(text(sql))]


async def delivery_states(engine: AsyncEngine) -> list[tuple[Any, ...]]:
    return await query(engine, "SELECT status, attempts FROM webhook_deliveries")


async def all_failed_once(engine: AsyncEngine) -> bool:
    states = await delivery_states(engine)
    return len(states) == EVENTS and all(attempts >= 1 for _, attempts in states)


async def all_delivered(engine: AsyncEngine) -> bool:
    return [s for s, _ in await delivery_states(engine)] == ["delivered"] * EVENTS


async def holding(receiver: Receiver) -> bool:
    return receiver.holding.is_set()


async def test_every_event_is_delivered_once_to_a_deduplicating_receiver_despite_faults(
    seeded: AsyncEngine, database_url: str
) -> None:
    receiver = Receiver(free_port())
    subscription = await add_subscription(seeded, url=f"http://127.0.0.1:{receiver.port}/hook")
    events = [
        Event(
            EventType.REQUEST_UPDATED,
            f"26-{n:08d}",
            SystemClock().now(),
            "transportation",
            "trm-pothole-repair",
            {"sequence": n},
        )
        for n in range(1, EVENTS + 1)
    ]
    async with SqlUnitOfWork(seeded) as uow:
        for event in events:
            await uow.events.publish(event)
        await uow.commit()

    with tempfile.TemporaryFile() as log:
        try:
            with worker(database_url, log) as first:
                # The receiver is down: every delivery fails at least once.
                await wait_for("attempts while down", lambda: all_failed_once(seeded))
                receiver.start()
                await wait_for("the receiver to hold a delivery", lambda: holding(receiver))
                first.send_signal(signal.SIGKILL)
                await asyncio.to_thread(first.wait, 10)
                receiver.release.set()
            with worker(database_url, log):
                await wait_for("every delivery to succeed", lambda: all_delivered(seeded))
        except AssertionError:
            log.seek(0)
            print(log.read().decode(errors="replace")[-5000:])
            raise
        finally:
            receiver.stop()

    delivery_ids = {str(row[0]) for row in await query(seeded, "SELECT id FROM webhook_deliveries")}
    unique: dict[str, dict[str, str]] = {}
    for record in receiver.received:
        assert verify(
            subscription.secret,
            record["id"],
            int(record["timestamp"]),
            record["body"],
            record["signature"],
        ), record
        unique.setdefault(record["id"], record)
    duplicates = len(receiver.received) - len(unique)
    print(f"received {len(receiver.received)} requests, {duplicates} duplicate(s) dropped")
    assert set(unique) == delivery_ids
    delivered_events = {json.loads(r["body"])["data"]["id"] for r in unique.values()}
    assert delivered_events == {str(event.id) for event in events}
    assert duplicates >= 1  # the delivery the killed worker was in the middle of came again
    attempts = await query(seeded, "SELECT count(*) FROM webhook_attempts WHERE error IS NOT NULL")
    assert attempts[0][0] >= EVENTS  # the downtime left its trace in the log

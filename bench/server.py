"""A throw-away database and an API process for one benchmark run; the tests start theirs
with the same free_port and wait_ready."""

import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import httpx

from adapters.db.embedded import EmbeddedPostgres
from adapters.db.engine import make_engine
from adapters.db.migrate import upgrade
from adapters.demo.loader import load_demo_data

LOCAL = "postgresql://postgres@127.0.0.1:5432/postgres"


def _local_postgres_up() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=1):
            return True
    except OSError:
        return False


@contextmanager
def postgres() -> Iterator[str]:
    """BENCH_DATABASE_URL's server; else BENCH_POSTGRES=private, a cluster of the bench's
    own (its own 100 connections, when test runs share the local server); else the local
    server; else an embedded one."""
    if os.environ.get("BENCH_DATABASE_URL"):
        yield os.environ["BENCH_DATABASE_URL"]
    elif _local_postgres_up() and os.environ.get("BENCH_POSTGRES") != "private":
        yield LOCAL
    else:
        with tempfile.TemporaryDirectory(prefix="frontdoor-bench-") as scratch:
            embedded = EmbeddedPostgres(Path(scratch) / "data")
            try:
                yield embedded.start("postgres")
            finally:
                embedded.stop()


async def _execute(url: str, statement: str) -> None:
    connection = await asyncpg.connect(url)
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


async def _seed(url: str) -> None:
    engine = make_engine(url, pool_size=1, max_overflow=0)
    try:
        await load_demo_data(engine)
    finally:
        await engine.dispose()


@contextmanager
def bench_database(server: str) -> Iterator[str]:
    name = f"frontdoor_bench_{os.getpid()}"
    asyncio.run(_execute(server, f'DROP DATABASE IF EXISTS "{name}"'))
    asyncio.run(_execute(server, f'CREATE DATABASE "{name}"'))
    url = urlunsplit(urlsplit(server)._replace(path=f"/{name}"))
    try:
        upgrade(url)
        asyncio.run(_seed(url))
        yield url
    finally:
        asyncio.run(_execute(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def api_process(database_url: str) -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database_url, "FRONTDOOR_LOG_LEVEL": "WARNING"}
    command = [sys.executable, "-m", "uvicorn", "api.main:app", "--port", str(port)]
    process = subprocess.Popen([*command, "--log-level", "warning"], env=env)  # noqa: S603
    base = f"http://127.0.0.1:{port}"
    try:
        wait_ready(base, process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


def wait_ready(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the API process exited during start-up")
        try:
            if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError("the API did not become ready within 60 s")

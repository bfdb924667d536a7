"""Where the tests' PostgreSQL comes from, and fresh databases built by the migrations."""

import asyncio
import os
import secrets
import socket
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from adapters.db.embedded import EmbeddedPostgres

LOCAL = "postgresql://postgres@127.0.0.1:5432/postgres"


def _reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


@contextmanager
def server_url() -> Iterator[str]:
    """TEST_DATABASE_URL, else 127.0.0.1:5432, else (or with FRONTDOOR_TEST_EMBEDDED=1) pgserver."""
    wants_embedded = os.environ.get("FRONTDOOR_TEST_EMBEDDED") == "1"
    if not wants_embedded and os.environ.get("TEST_DATABASE_URL"):
        yield os.environ["TEST_DATABASE_URL"]
        return
    if not wants_embedded and _reachable("127.0.0.1", 5432):
        yield LOCAL
        return
    with tempfile.TemporaryDirectory(prefix="frontdoor-pg-") as scratch:
        embedded = EmbeddedPostgres(Path(scratch) / "data")
        try:
            yield embedded.start("postgres")
        finally:
            embedded.stop()


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url.replace("postgresql+asyncpg://", "postgresql://"))
    return urlunsplit(parts._replace(path=f"/{name}"))


def asyncpg_url(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://")


async def _admin(url: str, statement: str) -> None:
    connection = await asyncpg.connect(asyncpg_url(url))
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


@contextmanager
def fresh_database(server: str, label: str) -> Iterator[str]:
    """An empty database of its own, dropped afterwards."""
    name = f"frontdoor_test_{label}_{os.getpid()}_{secrets.token_hex(3)}"
    asyncio.run(_admin(server, f'CREATE DATABASE "{name}"'))
    try:
        yield with_database(server, name)
    finally:
        asyncio.run(_admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

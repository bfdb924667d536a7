"""Where the tests' PostgreSQL comes from, and databases of their own on it."""

import asyncio
import os
import secrets
import socket
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from adapters.db.embedded import EmbeddedPostgres

LOCAL = "postgresql://postgres@127.0.0.1:5432/postgres"


@dataclass(frozen=True)
class Server:
    """A PostgreSQL server's URL; `private` when this process started it (and deletes it)."""

    url: str
    private: bool


def _reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


@contextmanager
def postgres_server() -> Iterator[Server]:
    """TEST_DATABASE_URL, else 127.0.0.1:5432, else (or with FRONTDOOR_TEST_EMBEDDED=1) pgserver."""
    wants_embedded = os.environ.get("FRONTDOOR_TEST_EMBEDDED") == "1"
    if not wants_embedded and os.environ.get("TEST_DATABASE_URL"):
        yield Server(os.environ["TEST_DATABASE_URL"], private=False)
        return
    if not wants_embedded and _reachable("127.0.0.1", 5432):
        yield Server(LOCAL, private=False)
        return
    with tempfile.TemporaryDirectory(prefix="frontdoor-pg-") as scratch:
        embedded = EmbeddedPostgres(Path(scratch) / "data")
        try:
            yield Server(embedded.start("postgres"), private=True)
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


def database_name(label: str) -> str:
    return f"frontdoor_test_{label}_{os.getpid()}_{secrets.token_hex(3)}"


def create_database(server: str, name: str, template: str | None = None) -> str:
    """A database on `server`, empty or a copy of `template`; its URL."""
    copy = f' TEMPLATE "{template}"' if template else ""
    asyncio.run(_admin(server, f'CREATE DATABASE "{name}"{copy}'))
    return with_database(server, name)


def drop_database(server: str, name: str) -> None:
    asyncio.run(_admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@contextmanager
def fresh_database(server: str, label: str, template: str | None = None) -> Iterator[str]:
    """A database of its own (empty, or a copy of `template`), dropped afterwards."""
    name = database_name(label)
    url = create_database(server, name, template)
    try:
        yield url
    finally:
        drop_database(server, name)

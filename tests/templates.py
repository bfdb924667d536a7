"""One migrated, seeded template database per run, which every xdist worker copies.

Migrating and loading the demo data twice costs seconds; `CREATE DATABASE … TEMPLATE` copies
the result in a fraction of that. The first worker to need it builds it under a file lock in
the run's directory (shared by the workers, made by the controller, which drops the templates
when the run ends); the others wait on the lock and copy it.
"""

import asyncio
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from hashlib import sha256
from pathlib import Path

import asyncpg

from adapters.auth.passwords import Argon2PasswordHasher
from adapters.db.engine import make_engine
from adapters.db.migrate import upgrade
from adapters.demo.loader import DEMO_PASSWORD, load_demo_data
from tests.baselines import SCHEMAS, Baselines, copy_to_schema, empty, tracking_sql
from tests.database import Server, asyncpg_url, create_database, database_name, drop_database

RUN_DIR = "FRONTDOOR_TEST_RUN_DIR"  # set by the controller, inherited by its workers
FIRST = "baseline"  # what the public tables of the template hold


def open_run_directory() -> bool:
    """Makes the run's directory unless a parent process did; True when this one did."""
    if os.environ.get(RUN_DIR):
        return False
    os.environ[RUN_DIR] = tempfile.mkdtemp(prefix="frontdoor-test-run-")
    return True


def close_run_directory() -> None:
    """Drops the templates the run built, then its directory."""
    directory = Path(os.environ.pop(RUN_DIR))
    for record in directory.glob("template-*.name"):
        server, name = record.read_text(encoding="utf-8").split("\n")[:2]
        with suppress(OSError, asyncpg.PostgresError):  # a private server is gone with it
            drop_database(server, name)
    shutil.rmtree(directory, ignore_errors=True)


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    with path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def shared_template(server: Server) -> str:
    """The run's template on `server`: built by the first caller, reused by the rest."""
    if server.private or not os.environ.get(RUN_DIR):
        return build_template(server.url)  # no other process can reach it
    directory = Path(os.environ[RUN_DIR])
    key = sha256(server.url.encode()).hexdigest()[:12]
    record = directory / f"template-{key}.name"
    with _locked(directory / f"template-{key}.lock"):
        if record.exists():
            return record.read_text(encoding="utf-8").split("\n")[1]
        name = build_template(server.url)
        record.write_text(f"{server.url}\n{name}\n", encoding="utf-8")
        return name


def build_template(server: str) -> str:
    """A database at head, with the baseline schemas, the write notes, and `FIRST` loaded."""
    name = database_name("template")
    url = create_database(server, name)
    upgrade(url)
    asyncio.run(_seed(url, Argon2PasswordHasher().hash_now(DEMO_PASSWORD)))
    return name


async def _seed(url: str, password_hash: str) -> None:
    engine = make_engine(url, pool_size=1, max_overflow=0)
    db = await asyncpg.connect(asyncpg_url(url))
    try:
        for schema, layers in SCHEMAS.items():
            await empty(db)
            await load_demo_data(engine, password_hash, layers=layers)
            await copy_to_schema(db, schema)
        await db.execute(tracking_sql())
        baselines = await Baselines.read(db, loaded=None)
        await baselines.put_back(db, FIRST)
    finally:
        await db.close()
        await engine.dispose()

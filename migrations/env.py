"""Alembic environment: async, on asyncpg. The URL comes from the caller or DATABASE_URL."""

import asyncio
import os

from alembic import context
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine

from adapters.db.engine import async_url
from adapters.db.tables import metadata
from adapters.db.tables.search import mapped

config = context.config
target_metadata = metadata


def _url() -> str:
    url = config.attributes.get("url") or os.environ.get("DATABASE_URL")
    if not url:
        raise RuntimeError("set DATABASE_URL to run migrations")
    return async_url(str(url))


MIGRATION_LOCK = 311_0001  # several API processes may start at once; one migrates


def _ours(name: str | None, kind: str, _: object) -> bool:
    """Autogenerate leaves pgqueuer's tables alone (revision 0009 installs them from its DDL),
    and the search document the app never reads (revision 0024, adapters/db/tables/search.py)."""
    pgqueuer = kind == "table" and (name or "").startswith("pgqueuer")
    return not pgqueuer and mapped(name, kind)


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        compare_type=True,
        include_name=_ours,
    )
    with context.begin_transaction():
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
        context.run_migrations()


async def _run_async() -> None:
    engine = create_async_engine(_url())
    async with engine.connect() as connection:
        await connection.run_sync(_run)
    await engine.dispose()


if context.is_offline_mode():
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    asyncio.run(_run_async())

"""A request past its deadline is cancelled, its query with it, and answered 503; PostgreSQL
cancels any statement past the statement_timeout itself."""

import asyncio
import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.engine import make_engine
from api.app import create_app
from api.bootstrap import Container
from api.deps import ContainerDep
from api.settings import Settings
from tests.problems import problem

SLOW_PATH = "/api/v1/test-only/slow"


def with_slow_route(app: FastAPI, tag: str, *before: str) -> None:
    """A test-only route whose query outlasts any deadline; `tag` marks it in pg_stat_activity."""

    async def slow(container: ContainerDep) -> dict[str, str]:
        async with container.engine.begin() as connection:
            for statement in before:
                await connection.execute(text(statement))
            await connection.execute(text(f"SELECT pg_sleep(600) -- {tag}"))
        return {"done": "never"}

    app.add_api_route(SLOW_PATH, slow, methods=["GET"])


async def running(engine: AsyncEngine, tag: str) -> int:
    query = text(
        "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE :tag"
        " AND pid <> pg_backend_pid()"
    )
    async with engine.connect() as connection:
        return int((await connection.execute(query, {"tag": f"%-- {tag}"})).scalar_one())


@pytest.fixture
async def quick(
    settings: Settings, container: Container, seeded: AsyncEngine
) -> AsyncIterator[tuple[httpx.AsyncClient, FastAPI]]:
    update = {"request_timeout_seconds": 0.5, "long_request_timeout_seconds": 900}
    app = create_app(settings.model_copy(update=update), container)
    app.state.container = container
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client, app


async def test_a_request_past_its_deadline_is_503_and_its_query_is_cancelled(
    quick: tuple[httpx.AsyncClient, FastAPI], seeded: AsyncEngine
) -> None:
    client, app = quick
    tag = f"deadline-{uuid.uuid4().hex}"
    with_slow_route(app, tag)
    answer = await client.get(SLOW_PATH)
    body = problem(answer, 503)
    assert body["detail"].startswith("the request took longer than 0.5 seconds")
    assert answer.headers["retry-after"] == "5"
    assert answer.headers["x-request-id"]
    # pg_sleep(600) would run ten minutes: cancelled, it is gone at once.
    for _ in range(200):
        if await running(seeded, tag) == 0:
            break
        await asyncio.sleep(0.1)
    assert await running(seeded, tag) == 0


async def test_the_long_deadline_covers_the_exports(app: FastAPI) -> None:
    assert app.user_middleware
    deadline = next(m for m in app.user_middleware if m.cls.__name__ == "RequestDeadlineMiddleware")
    prefixes = deadline.kwargs["long_prefixes"]
    assert "/api/v1/exports" in prefixes and "/api/v1/open-data" in prefixes
    assert deadline.kwargs["seconds"] == 30 and deadline.kwargs["long_seconds"] == 300


async def test_a_statement_past_the_statement_timeout_is_503(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    tag = f"statement-{uuid.uuid4().hex}"
    with_slow_route(app, tag, "SET LOCAL statement_timeout = '50ms'")
    answer = await client.get(SLOW_PATH)
    assert problem(answer, 503)["detail"].startswith("a database query took too long")
    assert answer.headers["retry-after"] == "5"


async def test_the_api_engine_sets_the_statement_timeout(container: Container) -> None:
    async with container.engine.connect() as connection:
        assert (await connection.execute(text("SHOW statement_timeout"))).scalar_one() == "30s"


async def test_postgresql_cancels_a_statement_past_the_timeout(database_url: str) -> None:
    engine = make_engine(database_url, pool_size=1, max_overflow=0, statement_timeout_seconds=0.2)
    try:
        async with engine.connect() as connection:
            with pytest.raises(DBAPIError) as raised:
                await connection.execute(text("SELECT pg_sleep(600)"))
        assert getattr(raised.value.orig, "sqlstate", None) == "57014"
    finally:
        await engine.dispose()

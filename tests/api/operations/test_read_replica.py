"""FRONTDOOR_READ_DATABASE_URL: the reports read the replica, everything else the primary.

The "replica" here is a migrated database that has not caught up: it holds none of the
primary's requests. What the reports answer then shows which server they read."""

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.migrate import upgrade
from api.app import create_app
from api.bootstrap import Container, build_container
from api.settings import Settings
from tests.api.conftest import pothole_body
from tests.api.open_data.support import EXPORTS, read_csv
from tests.database import fresh_database

SUMMARY = "/api/v1/metrics/summary"


@pytest.fixture(scope="module")
def lagging_replica(pg_server: str) -> Iterator[str]:
    with fresh_database(pg_server, "replica") as url:
        upgrade(url)
        yield url


@pytest.fixture
async def replica_client(
    settings: Settings, lagging_replica: str, seeded: AsyncEngine
) -> AsyncIterator[httpx.AsyncClient]:
    routed = settings.model_copy(update={"read_database_url": lagging_replica})
    container: Container = build_container(routed)
    app: FastAPI = create_app(routed, container)
    app.state.container = container
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            yield client
    finally:
        await container.close()


async def test_reports_read_the_replica_and_the_rest_the_primary(
    client: httpx.AsyncClient,
    replica_client: httpx.AsyncClient,
    agent: dict[str, str],
    supervisor: dict[str, str],
) -> None:
    created = await replica_client.post(
        "/api/v1/requests", json=pothole_body(), headers={**agent, "Idempotency-Key": "replica-1"}
    )
    assert created.status_code == 201, created.text  # writes go to the primary
    request_id = created.json()["id"]
    read_back = await replica_client.get(f"/api/v1/requests/{request_id}", headers=agent)
    assert read_back.status_code == 200  # so does a read that must see the caller's write

    on_primary = (await client.get(SUMMARY, headers=supervisor)).json()
    on_replica = (await replica_client.get(SUMMARY, headers=supervisor)).json()
    assert on_primary["requests"]["opened"] >= 1
    assert on_replica["requests"]["opened"] == 0

    exported = [row["id"] for row in read_csv(await client.get(f"{EXPORTS}.csv", headers=agent))]
    assert request_id in exported
    lagging = read_csv(await replica_client.get(f"{EXPORTS}.csv", headers=agent))
    assert lagging == []


async def test_without_a_replica_the_reports_read_the_primary(settings: Settings) -> None:
    container = build_container(settings)
    try:
        assert settings.read_database_url is None
        assert container.reports_engine is container.engine
    finally:
        await container.close()

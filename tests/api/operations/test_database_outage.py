"""While the database cannot be reached, the API answers 503 problem+json with Retry-After
(the client retries, with the same Idempotency-Key), never a 500. The database here is a
port nothing listens on; tests/chaos restarts a real PostgreSQL under the running product."""

from collections.abc import AsyncIterator

import httpx
import pytest

from api.app import create_app
from api.bootstrap import build_container
from api.settings import Settings
from bench.server import free_port
from tests.problems import problem

REPORT = {
    "service_code": "trm-pothole-repair",
    "description": "A pothole while the database is away",
    "location": {"lat": 39.2904, "long": -76.6122},
    "attributes": {"pothole_size": "medium"},
    "reporter": {"first_name": "Ada", "last_name": "Outage", "email": "outage@example.net"},
    "channel": "phone",
}


@pytest.fixture
async def unreachable(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    url = f"postgresql+asyncpg://postgres@127.0.0.1:{free_port()}/frontdoor"
    away = settings.model_copy(update={"database_url": url})
    container = build_container(away)
    app = create_app(away, container)
    app.state.container = container
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client
    await container.close()


def assert_unavailable(answer: httpx.Response) -> None:
    body = problem(answer, 503)
    assert body["type"] == "urn:frontdoor:problem:unavailable"
    assert int(answer.headers["retry-after"]) > 0


async def test_signing_in_while_the_database_is_away_is_503_with_retry_after(
    unreachable: httpx.AsyncClient,
) -> None:
    answer = await unreachable.post(
        "/api/v1/auth/token", data={"username": "agent@example.org", "password": "frontdoor"}
    )
    assert_unavailable(answer)


async def test_reading_while_the_database_is_away_is_503_with_retry_after(
    unreachable: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    assert_unavailable(await unreachable.get("/api/v1/requests", headers=agent))


async def test_an_idempotent_post_while_the_database_is_away_is_503_with_retry_after(
    unreachable: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    """The idempotency middleware reaches the database before any route runs."""
    headers = {**agent, "Idempotency-Key": "outage-0001"}
    assert_unavailable(await unreachable.post("/api/v1/requests", json=REPORT, headers=headers))


async def test_a_plain_post_while_the_database_is_away_is_503_with_retry_after(
    unreachable: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    assert_unavailable(await unreachable.post("/api/v1/requests", json=REPORT, headers=agent))


async def test_readiness_says_not_ready_without_a_server_error(
    unreachable: httpx.AsyncClient,
) -> None:
    problem(await unreachable.get("/readyz"), 503)

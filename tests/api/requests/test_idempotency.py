"""Idempotency-Key on POST (IETF httpapi draft): replay, refusal, scoping, expiry."""

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.tables.idempotency import idempotency_keys
from adapters.db.tables.requests import service_requests
from api.app import create_app
from api.bootstrap import build_container
from api.settings import Settings
from domain.shared.clock import FixedClock
from tests.api.conftest import pothole_body

pytestmark = pytest.mark.smoke


async def _count(engine: AsyncEngine, table: object) -> int:
    async with engine.connect() as db:
        return int((await db.execute(select(func.count()).select_from(table))).scalar_one())  # type: ignore[arg-type]


def _keyed(headers: dict[str, str], key: str) -> dict[str, str]:
    return {**headers, "Idempotency-Key": f'"{key}"'}


async def test_forty_concurrent_posts_with_one_key_create_one_request(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    before = await _count(seeded, service_requests)
    headers = _keyed(agent, "5b1f0d5e-7a4c-4a38-9a53-2f0f6c1d9e01")
    answers = await asyncio.gather(
        *(client.post("/api/v1/requests", json=pothole_body(), headers=headers) for _ in range(40))
    )
    assert await _count(seeded, service_requests) == before + 1
    statuses = sorted({a.status_code for a in answers})
    assert set(statuses) <= {201, 409}, [a.text for a in answers if a.status_code not in (201, 409)]
    created = [a for a in answers if a.status_code == 201]
    assert created
    assert len({a.content for a in created}) == 1
    assert len({a.headers["Location"] for a in created}) == 1
    for refused in (a for a in answers if a.status_code == 409):
        assert refused.headers["Content-Type"] == "application/problem+json"
        assert refused.headers["Retry-After"] == "1"
        assert "still being processed" in refused.json()["detail"]


async def test_a_retry_after_completion_is_replayed_byte_for_byte(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    headers = _keyed(agent, "retry-1")
    first = await client.post("/api/v1/requests", json=pothole_body(), headers=headers)
    again = await client.post("/api/v1/requests", json=pothole_body(), headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.content == first.content
    for name in ("Content-Type", "Location", "ETag", "Content-Length"):
        assert again.headers[name] == first.headers[name]
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert await _count(seeded, service_requests) == 1 + await _count_seeded_requests(seeded)


async def _count_seeded_requests(engine: AsyncEngine) -> int:
    async with engine.connect() as db:
        query = select(func.count()).where(service_requests.c.channel != "phone")
        return int((await db.execute(query.select_from(service_requests))).scalar_one())


async def test_the_same_key_with_another_payload_is_refused(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    headers = _keyed(agent, "payload-check")
    first = await client.post("/api/v1/requests", json=pothole_body(), headers=headers)
    assert first.status_code == 201
    before = await _count(seeded, service_requests)
    other = await client.post(
        "/api/v1/requests", json=pothole_body(description="Another hole"), headers=headers
    )
    assert other.status_code == 422
    assert other.headers["Content-Type"] == "application/problem+json"
    assert "different request" in other.json()["detail"]
    other_path = await client.post(
        f"{first.headers['Location']}/comments", json={"body": "x"}, headers=headers
    )
    assert other_path.status_code == 422
    assert await _count(seeded, service_requests) == before


async def test_keys_are_scoped_to_the_caller(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    supervisor: dict[str, str],
    seeded: AsyncEngine,
) -> None:
    before = await _count(seeded, service_requests)
    mine = await client.post(
        "/api/v1/requests", json=pothole_body(), headers=_keyed(agent, "shared")
    )
    theirs = await client.post(
        "/api/v1/requests", json=pothole_body(), headers=_keyed(supervisor, "shared")
    )
    assert mine.status_code == theirs.status_code == 201
    assert mine.json()["id"] != theirs.json()["id"]
    assert await _count(seeded, service_requests) == before + 2


async def test_a_key_on_a_get_is_ignored(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    answer = await client.get(
        "/api/v1/requests", headers={**agent, "Idempotency-Key": "not valid \x7f"}
    )
    assert answer.status_code == 200
    assert await _count(seeded, idempotency_keys) == 0


@pytest.mark.parametrize(
    "key", ['""', '"unterminated', "two words", '"bad \\n escape"', "x" * 256, "caf\u00e9"]
)
async def test_a_malformed_key_is_refused_and_nothing_is_written(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine, key: str
) -> None:
    before = await _count(seeded, service_requests)
    answer = await client.post(
        "/api/v1/requests",
        json=pothole_body(),
        headers={**agent, "Idempotency-Key": key.encode()},
    )
    assert answer.status_code == 400
    assert answer.headers["Content-Type"] == "application/problem+json"
    assert "Idempotency-Key" in answer.json()["detail"]
    assert await _count(seeded, service_requests) == before


async def test_a_bare_token_key_works_like_the_quoted_string(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    first = await client.post(
        "/api/v1/requests", json=pothole_body(), headers={**agent, "Idempotency-Key": "abc-1"}
    )
    again = await client.post(
        "/api/v1/requests", json=pothole_body(), headers={**agent, "Idempotency-Key": '"abc-1"'}
    )
    assert again.content == first.content


async def test_refused_credentials_are_not_kept(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    headers = {"Authorization": "Bearer not-a-token", "Idempotency-Key": '"k"'}
    answer = await client.post("/api/v1/requests", json=pothole_body(), headers=headers)
    assert answer.status_code == 401
    assert await _count(seeded, idempotency_keys) == 0


async def test_validation_errors_are_kept_and_replayed(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    headers = _keyed(agent, "bad-body")
    body = pothole_body(service_code="no-such-service")
    first = await client.post("/api/v1/requests", json=body, headers=headers)
    again = await client.post("/api/v1/requests", json=body, headers=headers)
    assert first.status_code == again.status_code == 422
    assert again.content == first.content
    assert again.headers["Idempotent-Replayed"] == "true"


@pytest.fixture
async def clocked(
    settings: Settings, seeded: AsyncEngine
) -> AsyncIterator[tuple[httpx.AsyncClient, FixedClock]]:
    clock = FixedClock(datetime(2026, 11, 25, 15, 0, tzinfo=UTC))
    container = build_container(settings, clock=clock)
    app = create_app(settings, container)
    app.state.container = container
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client, clock
    await container.close()


async def test_keys_expire_after_24_hours(
    clocked: tuple[httpx.AsyncClient, FixedClock], agent: dict[str, str], seeded: AsyncEngine
) -> None:
    client, clock = clocked
    headers = _keyed(agent, "expiring")
    first = await client.post("/api/v1/requests", json=pothole_body(), headers=headers)
    start = clock.now()
    clock.set(start + timedelta(hours=23, minutes=59))
    replayed = await client.post("/api/v1/requests", json=pothole_body(), headers=headers)
    assert replayed.content == first.content
    clock.set(start + timedelta(hours=24, seconds=1))
    fresh = await client.post("/api/v1/requests", json=pothole_body(), headers=headers)
    assert fresh.status_code == 201
    assert fresh.json()["id"] != first.json()["id"]
    assert await _count(seeded, idempotency_keys) == 1


async def test_an_oversized_body_is_refused_before_a_key_is_taken(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    huge = pothole_body(description="x" * (2 * 1024 * 1024))
    answer = await client.post("/api/v1/requests", json=huge, headers=_keyed(agent, "big"))
    assert answer.status_code == 413
    assert await _count(seeded, idempotency_keys) == 0


async def test_malformed_json_is_kept_as_the_answer_to_its_key(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    headers = {**_keyed(agent, "broken"), "Content-Type": "application/json"}
    first = await client.post("/api/v1/requests", content=b'{"service_code": ', headers=headers)
    again = await client.post("/api/v1/requests", content=b'{"service_code": ', headers=headers)
    assert first.status_code == again.status_code == 400
    assert again.content == first.content

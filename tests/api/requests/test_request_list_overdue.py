"""GET /api/v1/requests?overdue=true: the open requests past their expected date, decided by
the database, so a queue shows every overdue request and not only those on its first page."""

from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.tables.requests import service_requests
from tests.api.conftest import pothole_body


async def _create(client: httpx.AsyncClient, agent: dict[str, str]) -> str:
    made = await client.post("/api/v1/requests", json=pothole_body(), headers=agent)
    assert made.status_code == 201, made.text
    return str(made.json()["id"])


async def _expect(engine: AsyncEngine, number: str, at: datetime, status: str) -> None:
    t = service_requests
    async with engine.begin() as db:
        await db.execute(update(t).where(t.c.id == number).values(expected_at=at, status=status))


async def test_only_open_requests_past_their_expected_date_are_listed(
    client: httpx.AsyncClient, agent: dict[str, str], database_state: AsyncEngine
) -> None:
    now = datetime.now(UTC)
    late, on_time, closed_late = [await _create(client, agent) for _ in range(3)]
    await _expect(database_state, late, now - timedelta(hours=2), "in_progress")
    await _expect(database_state, on_time, now + timedelta(days=2), "new")
    await _expect(database_state, closed_late, now - timedelta(days=3), "closed")

    overdue = await client.get("/api/v1/requests", params={"overdue": "true"}, headers=agent)
    assert overdue.status_code == 200, overdue.text
    assert [r["id"] for r in overdue.json()["items"]] == [late]

    every = await client.get("/api/v1/requests", params={"overdue": "false"}, headers=agent)
    assert {late, on_time, closed_late} <= {r["id"] for r in every.json()["items"]}


async def test_overdue_combines_with_the_other_filters_and_refuses_a_non_boolean(
    client: httpx.AsyncClient, agent: dict[str, str], database_state: AsyncEngine
) -> None:
    late = await _create(client, agent)
    await _expect(database_state, late, datetime.now(UTC) - timedelta(minutes=5), "new")

    for service, expected in (("trm-pothole-repair", [late]), ("sw-dirty-street", [])):
        params = {"overdue": "true", "service_code": service}
        listed = await client.get("/api/v1/requests", params=params, headers=agent)
        assert listed.status_code == 200
        assert [r["id"] for r in listed.json()["items"]] == expected

    bad = await client.get("/api/v1/requests", params={"overdue": "soon"}, headers=agent)
    assert bad.status_code == 422
    assert bad.headers["content-type"] == "application/problem+json"

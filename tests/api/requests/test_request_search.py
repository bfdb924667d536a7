"""GET /api/v1/requests?q=: the queue finds a request by its address or its number, as
Open311's `q` does (issue 11, finding 5)."""

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.conftest import pothole_body
from tests.api.open311.open311_support import V2

EASTERN = {"lat": 39.2932, "long": -76.5861, "address": "2125 EASTERN AVE"}


async def _search(client: httpx.AsyncClient, agent: dict[str, str], q: str) -> list[str]:
    answer = await client.get("/api/v1/requests", params={"q": q}, headers=agent)
    assert answer.status_code == 200, answer.text
    return [item["id"] for item in answer.json()["items"]]


async def test_the_queue_finds_an_open_request_by_its_street_and_number(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    other = await client.post("/api/v1/requests", json=pothole_body(), headers=agent)
    made = await client.post("/api/v1/requests", json=pothole_body(location=EASTERN), headers=agent)
    assert made.status_code == 201, made.text
    number = made.json()["id"]

    assert await _search(client, agent, "Eastern") == [number]
    assert await _search(client, agent, "2125 eastern av") == [number]
    assert await _search(client, agent, number) == [number]
    assert await _search(client, agent, number.split("-")[1].lstrip("0")) == [number]
    assert await _search(client, agent, other.json()["id"]) == [other.json()["id"]]

    open311 = await client.get(f"{V2}/requests.json", params={"q": "Eastern"})
    assert [r["service_request_id"] for r in open311.json()] == [number]

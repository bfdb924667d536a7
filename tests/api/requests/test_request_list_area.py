"""GET /api/v1/requests?area=<layer>:<code>: the requests lying in one area of a boundary layer
(the dashboard's map drills into the list with it), from the areas each request was given."""

import httpx
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.tables.requests import service_requests
from tests.api.conftest import pothole_body


async def _create(client: httpx.AsyncClient, agent: dict[str, str]) -> str:
    made = await client.post("/api/v1/requests", json=pothole_body(), headers=agent)
    assert made.status_code == 201, made.text
    return str(made.json()["id"])


def _area(layer: str, code: str) -> dict[str, object]:
    return {"id": 1, "layer": layer, "code": code, "name": code.title()}


async def _place(engine: AsyncEngine, number: str, *areas: dict[str, object]) -> None:
    t = service_requests
    async with engine.begin() as db:
        await db.execute(update(t).where(t.c.id == number).values(areas=list(areas)))


async def _listed(client: httpx.AsyncClient, agent: dict[str, str], **params: str) -> list[str]:
    answer = await client.get("/api/v1/requests", params=params, headers=agent)
    assert answer.status_code == 200, answer.text
    return [r["id"] for r in answer.json()["items"]]


async def test_lists_only_the_requests_in_that_area_of_that_layer(
    client: httpx.AsyncClient, agent: dict[str, str], database_state: AsyncEngine
) -> None:
    canton, fells, nowhere, same_code_other_layer = [await _create(client, agent) for _ in range(4)]
    district_1 = _area("council-districts", "1")
    await _place(database_state, canton, _area("neighborhoods", "canton"), district_1)
    await _place(database_state, fells, _area("neighborhoods", "fells-point"), district_1)
    await _place(database_state, same_code_other_layer, _area("wards", "canton"))

    assert await _listed(client, agent, area="neighborhoods:canton") == [canton]
    assert set(await _listed(client, agent, area="council-districts:1")) == {canton, fells}
    assert await _listed(client, agent, area="neighborhoods:highlandtown") == []
    assert nowhere in await _listed(client, agent)


async def test_combines_with_the_other_filters_and_refuses_a_malformed_area(
    client: httpx.AsyncClient, agent: dict[str, str], database_state: AsyncEngine
) -> None:
    number = await _create(client, agent)
    await _place(database_state, number, _area("neighborhoods", "canton"))

    assert await _listed(client, agent, area="neighborhoods:canton", status="new") == [number]
    assert await _listed(client, agent, area="neighborhoods:canton", status="closed") == []

    for bad in ("canton", ":canton", "neighborhoods:"):
        answer = await client.get("/api/v1/requests", params={"area": bad}, headers=agent)
        assert answer.status_code == 422, bad
        assert answer.headers["content-type"] == "application/problem+json"

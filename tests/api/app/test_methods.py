"""A method a path is not served with: 405 with an Allow header naming every method it is."""

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.conftest import pothole_body


async def allow_of(answer: httpx.Response) -> list[str]:
    assert answer.status_code == 405, answer.text
    return sorted(m.strip() for m in answer.headers["Allow"].split(","))


async def test_allow_names_every_route_of_the_path(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    """GET and PATCH of a request are two routes; Starlette named only the first's methods."""
    created = (await client.post("/api/v1/requests", json=pothole_body(), headers=agent)).json()
    answer = await client.options(f"/api/v1/requests/{created['id']}", headers=agent)
    assert await allow_of(answer) == ["GET", "HEAD", "PATCH"]
    assert answer.headers["content-type"] == "application/problem+json"
    assert await allow_of(await client.delete("/api/v1/api-keys", headers=agent)) == [
        "GET",
        "HEAD",
        "POST",
    ]


async def test_open311_names_every_method_too(client: httpx.AsyncClient) -> None:
    answer = await client.options("/open311/v2/requests.json")
    assert await allow_of(answer) == ["GET", "HEAD", "POST"]
    assert answer.json()[0]["code"] == 405


async def test_a_word_where_an_area_id_goes_is_no_area(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    """PATCH /jurisdictions/layers matched PATCH /jurisdictions/{area_id} and answered 422."""
    answer = await client.patch("/api/v1/jurisdictions/layers", json={}, headers=agent)
    assert await allow_of(answer) == ["GET", "HEAD"]


async def test_an_offset_beyond_any_table_is_refused_not_a_server_error(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    huge = "2362764601244081302011904"
    answer = await client.get(f"/api/v1/jurisdictions?offset={huge}", headers=agent)
    assert answer.status_code == 422, answer.text
    assert answer.json()["errors"][0]["field"] == "offset"

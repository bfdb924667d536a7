"""Each portal read costs the same few queries however many requests, notes or areas there are:
no query per row (N+1)."""

from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from api.bootstrap import Container
from tests.api.open_data.support import HOME_POINT, open_request, seed_requests, set_service
from tests.api.public.support import PUBLIC
from tests.statements import statements

LAT, LON = HOME_POINT


@pytest.fixture
def database_state(seeded_with_layers: AsyncEngine) -> AsyncEngine:
    return seeded_with_layers


READS: list[tuple[str, dict[str, Any], int]] = [  # path, query, most statements
    ("/requests", {}, 2),  # the rows, the areas of those shown by area
    ("/requests", {"service_code": "sw-dirty-alley", "status": "open"}, 3),  # and the service
    ("/requests/nearby", {"service_code": "sw-dirty-alley", "lat": LAT, "lon": LON}, 3),
    ("/services", {}, 2),  # the catalog, the counts
    ("/search", {"q": "alley rats", "lang": "en"}, 3),  # words, article search, the catalog
    # A visitor's language other than English also reads the English catalog, so English
    # words find services too ("pothole" finds "Bache"): one statement more, whatever the rows.
    ("/search", {"q": "alley rats", "lang": "es"}, 4),
    ("/articles", {"q": "trash"}, 2),
    ("/articles", {}, 1),
]


async def counts(client: httpx.AsyncClient, container: Container) -> list[int]:
    found = []
    for path, params, most in READS:
        for lang in ("en", "es"):
            with statements(container.engine) as seen:
                answer = await client.get(f"{PUBLIC}{path}", params={"lang": lang, **params})
            assert answer.status_code == 200, answer.text
            assert len(seen) <= most, (path, seen)
            found.append(len(seen))
    return found


async def test_reads_cost_the_same_few_queries_for_few_or_many_rows(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    admin: dict[str, str],
    container: Container,
    seeded_with_layers: AsyncEngine,
) -> None:
    await set_service(client, admin, "sw-dirty-alley", public_location="area")
    model = await open_request(client, agent, description="Rats by the back door")
    few = await counts(client, container)
    await seed_requests(seeded_with_layers, 120, "sw-dirty-alley",
                        lat=f"{LAT} + n * 1e-6", long=str(LON))  # fmt: skip
    async with seeded_with_layers.begin() as db:
        await db.execute(
            text(
                "UPDATE service_requests SET areas = (SELECT areas FROM service_requests "
                "WHERE id = :model) WHERE id LIKE 'X-%'"
            ),
            {"model": model["id"]},
        )
    many = await counts(client, container)
    assert many == few
    listed = (await client.get(f"{PUBLIC}/requests", params={"limit": 200})).json()
    assert len(listed) == 121
    assert len({r["address"] for r in listed}) == 1  # every one shown by its neighbourhood


async def test_a_request_s_page_is_three_queries_however_long_its_story(
    client: httpx.AsyncClient, agent: dict[str, str], admin: dict[str, str], container: Container
) -> None:
    await set_service(client, admin, "sw-dirty-alley", public_location="area")
    number = (await open_request(client, agent))["id"]
    url = f"{PUBLIC}/requests/{number}"
    with statements(container.engine) as short:
        assert (await client.get(url)).status_code == 200
    etag_of = "/api/v1/requests/" + number
    for step in range(10):
        etag = (await client.get(etag_of, headers=agent)).headers["ETag"]
        body = {"body": f"Update {step}", "visibility": "public"}
        headers = {**agent, "If-Match": etag}
        answer = await client.post(f"{etag_of}/comments", json=body, headers=headers)
        assert answer.status_code == 200, answer.text
    with statements(container.engine) as long:
        page = (await client.get(url)).json()
    assert len(page["notes"]) == 11
    assert len(long) == len(short) <= 3  # the request, its areas, its notes

"""GET /api/v1/requests answers with an ETag of its content and 304 when it did not change."""

import httpx

from tests.api.conftest import pothole_body


async def test_list_carries_an_etag_and_answers_304_to_it(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    first = await client.get("/api/v1/requests", headers=agent)
    assert first.status_code == 200
    etag = first.headers["ETag"]
    assert etag.startswith('"') and etag.endswith('"')

    again = await client.get("/api/v1/requests", headers={**agent, "If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["ETag"] == etag


async def test_a_change_in_the_list_changes_the_etag(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    etag = (await client.get("/api/v1/requests", headers=agent)).headers["ETag"]
    created = await client.post("/api/v1/requests", json=pothole_body(), headers=agent)
    assert created.status_code == 201

    after = await client.get("/api/v1/requests", headers={**agent, "If-None-Match": etag})
    assert after.status_code == 200
    assert after.headers["ETag"] != etag
    assert created.json()["id"] in [item["id"] for item in after.json()["items"]]


async def test_the_etag_depends_on_the_filters(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    await client.post("/api/v1/requests", json=pothole_body(), headers=agent)
    everything = (await client.get("/api/v1/requests", headers=agent)).headers["ETag"]
    closed_only = await client.get(
        "/api/v1/requests",
        params={"status": "closed"},
        headers={**agent, "If-None-Match": everything},
    )
    assert closed_only.status_code == 200
    assert closed_only.headers["ETag"] != everything


async def test_a_list_of_etags_and_weak_tags_are_understood(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    etag = (await client.get("/api/v1/requests", headers=agent)).headers["ETag"]
    listed = await client.get(
        "/api/v1/requests", headers={**agent, "If-None-Match": f'"other", W/{etag}'}
    )
    assert listed.status_code == 304


async def test_a_stale_or_malformed_if_none_match_gets_the_full_list(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    for header in ['"stale"', "not-a-tag", "' OR 1=1 --"]:
        answer = await client.get("/api/v1/requests", headers={**agent, "If-None-Match": header})
        assert answer.status_code == 200
        assert "items" in answer.json()


async def test_without_a_token_it_is_still_401(client: httpx.AsyncClient) -> None:
    answer = await client.get("/api/v1/requests", headers={"If-None-Match": "*"})
    assert answer.status_code == 401

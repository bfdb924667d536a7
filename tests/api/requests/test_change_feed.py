"""Polling `GET /api/v1/requests?updated_after=<cursor>`: every change, in order, once."""

import httpx

from tests.api.conftest import pothole_body

REQUESTS = "/api/v1/requests"


async def _feed(
    client: httpx.AsyncClient, headers: dict[str, str], cursor: str
) -> tuple[list[str], str]:
    answer = await client.get(REQUESTS, params={"updated_after": cursor}, headers=headers)
    assert answer.status_code == 200, answer.text
    page = answer.json()
    return [item["id"] for item in page["items"]], page["next_cursor"]


async def test_polling_returns_each_change_once_in_order(
    client: httpx.AsyncClient, agent: dict[str, str], staff: dict[str, str]
) -> None:
    first = (await client.post(REQUESTS, json=pothole_body(), headers=agent)).json()["id"]
    second = (await client.post(REQUESTS, json=pothole_body(), headers=agent)).json()["id"]
    ids, cursor = await _feed(client, agent, "0")
    assert ids == [first, second]
    assert await _feed(client, agent, cursor) == ([], cursor)

    version = (await client.get(f"{REQUESTS}/{first}", headers=agent)).headers["ETag"]
    moved = await client.post(
        f"{REQUESTS}/{first}/transitions",
        json={"to": "acknowledged"},
        headers={**agent, "If-Match": version},
    )
    assert moved.status_code == 200, moved.text
    ids, cursor = await _feed(client, agent, cursor)
    assert ids == [first]
    assert await _feed(client, agent, cursor) == ([], cursor)
    staff_ids, _ = await _feed(client, staff, "0")  # staff: their department's requests
    assert set(staff_ids) == {first, second}


async def test_a_forged_cursor_is_refused(client: httpx.AsyncClient, agent: dict[str, str]) -> None:
    for bad in ("abc", "1:'; DROP TABLE service_requests; --", "-1:26-1", "9" * 30 + ":x"):
        answer = await client.get(REQUESTS, params={"updated_after": bad}, headers=agent)
        assert answer.status_code == 422, bad
        assert answer.headers["content-type"] == "application/problem+json"

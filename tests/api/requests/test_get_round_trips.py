"""What one authenticated read of a request costs in round trips to PostgreSQL (issue 17): a
ceiling that fails if it regresses. Counted at the driver, so the pool's ping, BEGIN and
ROLLBACK, and the audit's `set_config` count as much as the SELECT they surround.

The caller's token is checked against a cached copy of their account (invalidated at once
by a change in this process, see adapters/db/principals.py), the request is read in one
statement on an autocommit connection, and reads tell PostgreSQL nothing for the audit
trail, whose triggers fire on writes only."""

import httpx

from tests.api.conftest import pothole_body
from tests.api.requests.test_request_conditional import _closed
from tests.statements import round_trips

REQUESTS = "/api/v1/requests"


async def test_a_get_is_one_round_trip(client: httpx.AsyncClient, agent: dict[str, str]) -> None:
    made = await client.post(REQUESTS, json=pothole_body(), headers=agent)
    number = made.json()["id"]
    await client.get(f"{REQUESTS}/{number}", headers=agent)  # caches warm
    with round_trips() as seen:
        read = await client.get(f"{REQUESTS}/{number}", headers=agent)
    assert read.status_code == 200, read.text
    assert len(seen) == 1, "\n".join(s[:80] for s in seen)
    assert seen[0].startswith("SELECT service_requests.")


async def test_a_304_is_one_round_trip(client: httpx.AsyncClient, agent: dict[str, str]) -> None:
    number = await _closed(client, agent)
    tag = (await client.get(f"{REQUESTS}/{number}", headers=agent)).headers["ETag"]
    with round_trips() as seen:
        cached = await client.get(f"{REQUESTS}/{number}", headers={**agent, "If-None-Match": tag})
    assert cached.status_code == 304
    assert len(seen) == 1, "\n".join(s[:80] for s in seen)
    assert "attributes" not in seen[0]  # the stamp, not the aggregate

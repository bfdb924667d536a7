"""Writes with an API key (Open311 or partner) count per key and minute; reads never do."""

import re
from datetime import UTC, datetime, timedelta
from uuid import uuid4

import httpx

from adapters.demo.loader import DEMO_PASSWORD
from domain.shared.clock import FixedClock
from tests.api.auth.conftest import Serve
from tests.api.open311.open311_support import DEMO_KEY, PARTNER_KEY, V2
from tests.api.open311.test_open311 import pothole

# 45 seconds before its minute ends. Today's, not a fixed day: the admin's sign-in token is
# checked against the real time, and a token issued on a past day has expired.
START = datetime.now(UTC).replace(second=15, microsecond=0)
LIMIT = {"api_key_writes_per_minute": 2}
POLICY = '"api-key-writes";q=2;w=60'
UNKNOWN_SERVICE = {"service_code": "no-such-service"}  # counted, then 404: nothing written


async def open311_post(client: httpx.AsyncClient, key: str) -> httpx.Response:
    return await client.post(f"{V2}/requests.json", data=pothole(api_key=key, **UNKNOWN_SERVICE))


async def partner_post(client: httpx.AsyncClient) -> httpx.Response:
    url = f"/api/v1/requests/{uuid4()}/transitions"
    return await client.post(url, json={"to": "in_progress"}, headers={"X-API-Key": PARTNER_KEY})


async def new_open311_key(client: httpx.AsyncClient) -> str:
    signed_in = await client.post(
        "/api/v1/auth/token", data={"username": "admin@example.org", "password": DEMO_PASSWORD}
    )
    admin = {"Authorization": f"Bearer {signed_in.json()['access_token']}"}
    created = await client.post(
        "/api/v1/api-keys", json={"name": f"app {uuid4()}", "role": "open311"}, headers=admin
    )
    assert created.status_code == 201, created.text
    secret: str = created.json()["secret"]
    return secret


def told(answer: httpx.Response, remaining: int, reset: int = 45) -> None:
    assert answer.headers["RateLimit-Policy"] == POLICY
    assert answer.headers["RateLimit"] == f'"api-key-writes";r={remaining};t={reset}'


async def test_an_open311_key_at_its_limit_gets_429_and_another_key_does_not(
    serve: Serve,
) -> None:
    clock = FixedClock(START)
    async with serve(clock=clock, **LIMIT) as client:
        other = await new_open311_key(client)
        answers = [await open311_post(client, DEMO_KEY) for _ in range(3)]
        assert [a.status_code for a in answers] == [404, 404, 429]
        told(answers[0], 1)
        told(answers[2], 0)
        refused = answers[2]
        assert refused.headers["Retry-After"] == "45"
        assert refused.headers["content-type"].startswith("application/json")
        assert refused.json() == [
            {"code": 429, "description": "this API key may write 2 times a minute"}
        ]
        unaffected = await open311_post(client, other)
        assert unaffected.status_code == 404
        told(unaffected, 1)
        clock.set(START + timedelta(seconds=45))
        next_minute = await open311_post(client, DEMO_KEY)
        assert next_minute.status_code == 404
        told(next_minute, 1, reset=60)


async def test_an_open311_post_within_the_limit_is_created_and_told_its_quota(
    serve: Serve,
) -> None:
    async with serve(clock=FixedClock(START), **LIMIT) as client:
        created = await client.post(f"{V2}/requests.json", data=pothole())
        assert created.status_code == 200, created.text
        told(created, 1)
        xml = await client.post(f"{V2}/requests.xml", data=pothole(**UNKNOWN_SERVICE))
        refused = await client.post(f"{V2}/requests.xml", data=pothole(**UNKNOWN_SERVICE))
        assert xml.status_code == 404 and refused.status_code == 429
        assert re.search(r"<code>429</code>", refused.text)
        assert refused.headers["Retry-After"] == "45"


async def test_a_partner_key_at_its_limit_gets_429_as_problem_json(serve: Serve) -> None:
    clock = FixedClock(START)
    async with serve(clock=clock, **LIMIT) as client:
        answers = [await partner_post(client) for _ in range(3)]
        assert [a.status_code for a in answers][2] == 429
        assert answers[0].status_code != 429
        told(answers[0], 1)
        refused = answers[2]
        told(refused, 0)
        assert refused.headers["Retry-After"] == "45"
        assert refused.headers["content-type"] == "application/problem+json"
        assert refused.json()["status"] == 429
        assert (await open311_post(client, DEMO_KEY)).status_code == 404  # its own count
        clock.set(START + timedelta(seconds=45))
        assert (await partner_post(client)).status_code != 429


async def test_reads_with_a_key_are_not_counted_nor_told(serve: Serve) -> None:
    async with serve(clock=FixedClock(START), api_key_writes_per_minute=1) as client:
        for _ in range(3):
            read = await client.get("/api/v1/requests", headers={"X-API-Key": PARTNER_KEY})
            assert read.status_code == 200, read.text
            assert "RateLimit" not in read.headers
        assert (await partner_post(client)).status_code != 429

"""The public status look-up without a reference number, and staff search of residents."""

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.conftest import pothole_body

pytestmark = pytest.mark.smoke

LOOKUP = "/api/v1/requests/lookup"
REPORTER = {
    "first_name": "José",
    "last_name": "Pérez",
    "email": "jose.perez@example.net",
    "phone": "410-555-0199",
}


async def file_request(client: httpx.AsyncClient, agent: dict[str, str]) -> str:
    created = await client.post(
        "/api/v1/requests", json=pothole_body(reporter=REPORTER), headers=agent
    )
    assert created.status_code == 201, created.text
    request_id: str = created.json()["id"]
    return request_id


async def test_a_resident_finds_their_request_without_number_or_token(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    request_id = await file_request(client, agent)
    by_email = await client.post(
        LOOKUP, json={"email": "JOSE.PEREZ@example.net", "last_name": "perez"}
    )
    assert by_email.status_code == 200, by_email.text
    (item,) = by_email.json()["items"]
    assert item["id"] == request_id
    assert item["status"] == "new"
    assert item["open"] is True
    assert set(item) == {
        "id",
        "service_code",
        "status",
        "open",
        "requested_at",
        "updated_at",
        "expected_datetime",
        "closed_at",
    }
    for secret in ("José", "jose.perez", "555-0199", "Pérez", "Deep pothole"):
        assert secret not in by_email.text
    by_phone = await client.post(LOOKUP, json={"phone": "(410) 555 0199", "last_name": "PÉREZ"})
    assert [i["id"] for i in by_phone.json()["items"]] == [request_id]


async def test_a_wrong_name_and_an_unknown_email_answer_alike(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    await file_request(client, agent)
    wrong_name = await client.post(
        LOOKUP, json={"email": "jose.perez@example.net", "last_name": "Smith"}
    )
    unknown = await client.post(LOOKUP, json={"email": "nobody@example.net", "last_name": "Pérez"})
    assert wrong_name.status_code == unknown.status_code == 200
    assert wrong_name.content == unknown.content == b'{"items":[]}'


async def test_look_ups_are_rate_limited_per_email(client: httpx.AsyncClient) -> None:
    body = {"email": "target@example.net", "last_name": "Guess"}
    answers = [(await client.post(LOOKUP, json=body)).status_code for _ in range(11)]
    assert answers == [200] * 10 + [429]
    limited = await client.post(LOOKUP, json=body)
    assert limited.headers["content-type"] == "application/problem+json"
    wait = limited.headers["Retry-After"]  # until the fixed 15-minute window ends
    assert 1 <= int(wait) <= 900
    assert f'"lookup-contact";r=0;t={wait}' in limited.headers["RateLimit"]
    other = await client.post(LOOKUP, json={"email": "other@example.net", "last_name": "Guess"})
    assert other.status_code == 200


async def test_look_ups_are_rate_limited_per_client(client: httpx.AsyncClient) -> None:
    answers = [
        (
            await client.post(LOOKUP, json={"email": f"p{i}@example.net", "last_name": "X"})
        ).status_code
        for i in range(31)
    ]
    assert answers == [200] * 30 + [429]


@pytest.mark.parametrize(
    "body",
    [
        {"last_name": "Pérez"},
        {"email": "not-an-email", "last_name": "Pérez"},
        {"email": "a@example.net"},
        {"email": "a@example.net", "last_name": ""},
        {"email": "a@example.net", "last_name": "x", "extra": 1},
    ],
)
async def test_bad_look_ups_are_422_and_write_nothing(
    client: httpx.AsyncClient, body: dict[str, object], seeded: AsyncEngine
) -> None:
    answer = await client.post(LOOKUP, json=body)
    assert answer.status_code == 422
    assert answer.headers["content-type"] == "application/problem+json"
    async with seeded.connect() as db:
        assert await db.scalar(text("SELECT count(*) FROM rate_limits")) == 0


async def test_reporters_become_residents_that_staff_can_search(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    request_id = await file_request(client, agent)
    for query in ("jose perez", "JOSÉ", "4105550199", "Jose.Perez@Example.NET"):
        found = await client.get("/api/v1/residents", params={"q": query}, headers=agent)
        assert found.status_code == 200, found.text
        assert [r["last_name"] for r in found.json()["items"]] == ["Pérez"], query
    resident_id = found.json()["items"][0]["id"]
    history = (await client.get(f"/api/v1/residents/{resident_id}", headers=agent)).json()
    assert [r["id"] for r in history["requests"]] == [request_id]
    assert [c["type"] for c in history["cases"]] == ["service_request"]
    second = await file_request(client, agent)
    again = (await client.get(f"/api/v1/residents/{resident_id}", headers=agent)).json()
    assert [r["id"] for r in again["requests"]] == [second, request_id]

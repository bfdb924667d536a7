"""Contacts (cases): logging, fan-out to requests, permissions, and the automatic contact."""

from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.conftest import BALTIMORE, Login, pothole_body

pytestmark = pytest.mark.smoke

CASES = "/api/v1/cases"
CALLER = {
    "first_name": "María",
    "last_name": "Núñez",
    "phones": ["(410) 555-0142"],
    "emails": ["Maria.Nunez@Example.net"],
    "preferred_language": "es",
}


def three_requests(bad: bool = False) -> list[dict[str, Any]]:
    third = {"service_code": "sw-dirty-alley", "location": BALTIMORE}
    if bad:
        third = {"service_code": "no-such-service", "location": BALTIMORE}
    return [
        {k: v for k, v in pothole_body().items() if k not in ("reporter", "channel")},
        {
            "service_code": "trm-street-repairs",
            "description": "Crumbling curb",
            "location": BALTIMORE,
        },
        third,
    ]


async def counts(engine: AsyncEngine) -> tuple[int, int, int]:
    async with engine.connect() as db:
        requests = await db.scalar(text("SELECT count(*) FROM service_requests"))
        cases = await db.scalar(text("SELECT count(*) FROM cases"))
        residents = await db.scalar(text("SELECT count(*) FROM residents"))
    return int(requests or 0), int(cases or 0), int(residents or 0)


async def test_one_contact_opens_three_requests_for_two_departments(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    body = {
        "channel": "phone",
        "type": "service_request",
        "language": "es",
        "resident": CALLER,
        "requests": three_requests(),
        "resolved_on_first_contact": True,
        "tags": ["Spring-Cleanup"],
        "call_id": "acd-7731",
        "started_at": "2026-11-25T14:00:00Z",
        "ended_at": "2026-11-25T14:03:30Z",
    }
    answer = await client.post(CASES, json=body, headers=agent)
    assert answer.status_code == 201, answer.text
    case = answer.json()
    assert len(case["request_ids"]) == 3
    assert case["handle_seconds"] == 210.0
    assert case["tags"] == ["spring-cleanup"]
    assert case["agent"]["name"] == "Alex Agent"
    assert answer.headers["ETag"] == '"v1"'
    departments = set()
    for request_id in case["request_ids"]:
        request = (await client.get(f"/api/v1/requests/{request_id}", headers=agent)).json()
        departments.add(request["department"])
        assert request["channel"] == "phone"
        assert request["resident_id"] == case["resident_id"]
        assert request["reporter"]["last_name"] == "Núñez"
        assert request["reporter"]["email"] == "maria.nunez@example.net"
    assert departments == {"transportation", "solid-waste"}
    assert await counts(seeded) == (3, 1, 1)  # the requests add no contact of their own


async def test_when_one_request_is_bad_nothing_is_created(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    body = {
        "channel": "phone",
        "type": "service_request",
        "resident": CALLER,
        "requests": three_requests(bad=True),
    }
    answer = await client.post(CASES, json=body, headers=agent)
    assert answer.status_code == 422
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.json()["errors"][0]["field"] == "requests[2].service_code"
    assert await counts(seeded) == (0, 0, 0)


async def test_a_known_caller_is_matched_by_phone_digits(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    first = await client.post(
        CASES, json={"channel": "phone", "type": "information", "resident": CALLER}, headers=agent
    )
    again = {"first_name": "Maria", "phones": ["+1 410 555 0142"], "emails": ["m@example.org"]}
    second = await client.post(
        CASES,
        json={"channel": "chat", "type": "status_inquiry", "resident": again},
        headers=agent,
    )
    assert second.json()["resident_id"] == first.json()["resident_id"]
    resident = await client.get(f"/api/v1/residents/{first.json()['resident_id']}", headers=agent)
    assert resident.json()["emails"] == ["maria.nunez@example.net", "m@example.org"]
    assert [c["channel"] for c in resident.json()["cases"]] == ["chat", "phone"]
    assert await counts(seeded) == (0, 2, 1)


async def test_an_anonymous_contact_stores_no_personal_data(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    body = {
        "channel": "phone",
        "type": "complaint",
        "anonymous": True,
        "requests": [pothole_body()],  # the body names a reporter: it is dropped
    }
    answer = await client.post(CASES, json=body, headers=agent)
    assert answer.status_code == 201, answer.text
    (request_id,) = answer.json()["request_ids"]
    request = (await client.get(f"/api/v1/requests/{request_id}", headers=agent)).json()
    assert request["reporter"] == {
        "first_name": None,
        "last_name": None,
        "email": None,
        "phone": None,
        "language": None,
    }
    assert request["resident_id"] is None
    assert await counts(seeded) == (1, 1, 0)
    refused = await client.post(
        CASES, json={**body, "resident": CALLER, "requests": []}, headers=agent
    )
    assert refused.status_code == 422


async def test_a_referral_contact_says_where(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    missing = await client.post(CASES, json={"channel": "phone", "type": "referral"}, headers=agent)
    assert missing.status_code == 422
    body = {
        "channel": "phone",
        "type": "referral",
        "referral": {"target": "211", "agency": "United Way 211"},
        "resolved_on_first_contact": True,
    }
    answer = await client.post(CASES, json=body, headers=agent)
    assert answer.status_code == 201
    assert answer.json()["referral"] == {
        "target": "211",
        "agency": "United Way 211",
        "phone": None,
        "url": None,
    }


async def test_a_request_logged_alone_gets_its_own_contact(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    created = await client.post("/api/v1/requests", json=pothole_body(), headers=agent)
    listed = (await client.get(CASES, headers=agent, params={"type": "service_request"})).json()
    (case,) = listed["items"]
    assert case["request_ids"] == [created.json()["id"]]
    assert case["channel"] == "phone"
    assert case["resident_id"] == created.json()["resident_id"] is not None


async def test_department_staff_read_only_cases_about_their_requests(
    client: httpx.AsyncClient, agent: dict[str, str], login: Login
) -> None:
    pothole = await client.post("/api/v1/requests", json=pothole_body(), headers=agent)
    alley = await client.post(
        "/api/v1/requests",
        json=pothole_body(service_code="sw-dirty-alley", attributes={}),
        headers=agent,
    )
    staff = await login("staff@example.org")
    listed = (await client.get(CASES, headers=staff)).json()["items"]
    assert [c["request_ids"] for c in listed] == [[pothole.json()["id"]]]
    all_cases = (await client.get(CASES, headers=agent)).json()["items"]
    alley_case = next(c for c in all_cases if c["request_ids"] == [alley.json()["id"]])
    assert (await client.get(f"{CASES}/{alley_case['id']}", headers=staff)).status_code == 404
    forbidden = await client.post(
        CASES, json={"channel": "phone", "type": "information"}, headers=staff
    )
    assert forbidden.status_code == 403
    assert (await client.get("/api/v1/residents?q=Rosa", headers=staff)).status_code == 403


async def test_an_agent_completes_the_record_with_if_match(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    created = await client.post(
        CASES, json={"channel": "phone", "type": "information"}, headers=agent
    )
    path = f"{CASES}/{created.json()['id']}"
    patch = {"resolved_on_first_contact": True, "notes": "Read the bulk pickup article"}
    assert (await client.patch(path, json=patch, headers=agent)).status_code == 428
    stale = await client.patch(path, json=patch, headers={**agent, "If-Match": '"v7"'})
    assert stale.status_code == 412
    done = await client.patch(path, json=patch, headers={**agent, "If-Match": '"v1"'})
    assert done.status_code == 200, done.text
    assert done.json()["resolved_on_first_contact"] is True
    assert done.json()["notes"] == "Read the bulk pickup article"
    assert done.headers["ETag"] == '"v2"'


async def test_a_contact_answered_from_an_article_counts_its_use(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    async with seeded.connect() as db:
        article_id = await db.scalar(
            text("SELECT id FROM articles WHERE slug = 'bulk-trash-pickup'")
        )
        before = await db.scalar(text(f"SELECT use_count FROM articles WHERE id = {article_id}"))
    body = {
        "channel": "phone",
        "type": "information",
        "article_ids": [article_id],
        "resolved_on_first_contact": True,
    }
    answer = await client.post(CASES, json=body, headers=agent)
    assert answer.status_code == 201, answer.text
    assert answer.json()["article_ids"] == [article_id]
    async with seeded.connect() as db:
        after = await db.scalar(text(f"SELECT use_count FROM articles WHERE id = {article_id}"))
    assert after == before + 1
    unknown = await client.post(CASES, json={**body, "article_ids": [987654]}, headers=agent)
    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["field"] == "article_ids"

"""Complaints and praise about a department: the agent names it, and it reaches that department."""

from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.conftest import Login

pytestmark = pytest.mark.smoke

CASES = "/api/v1/cases"


def feedback(kind: str, department: str | None, summary: str) -> dict[str, Any]:
    return {"channel": "phone", "type": kind, "department": department, "summary": summary}


async def log(client: httpx.AsyncClient, headers: dict[str, str], body: dict[str, Any]) -> str:
    answer = await client.post(CASES, json=body, headers=headers)
    assert answer.status_code == 201, answer.text
    case_id: str = answer.json()["id"]
    return case_id


async def test_a_complaint_names_the_department_it_concerns(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    body = feedback("complaint", "transportation", "Crew left cones in the road for a week")
    answer = await client.post(CASES, json=body, headers=agent)
    assert answer.status_code == 201, answer.text
    assert answer.json()["department"] == "transportation"
    assert answer.json()["request_ids"] == []
    read = await client.get(f"{CASES}/{answer.json()['id']}", headers=agent)
    assert read.json()["department"] == "transportation"


async def test_an_unknown_department_is_refused_and_nothing_is_written(
    client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    answer = await client.post(CASES, json=feedback("complaint", "no-such", "x"), headers=agent)
    assert answer.status_code == 422
    assert answer.headers["content-type"] == "application/problem+json"
    assert [e["field"] for e in answer.json()["errors"]] == ["department"]
    async with seeded.connect() as db:
        assert await db.scalar(text("SELECT count(*) FROM cases")) == 0


async def test_department_staff_see_the_complaints_and_praise_about_their_department(
    client: httpx.AsyncClient, agent: dict[str, str], login: Login
) -> None:
    ours = await log(client, agent, feedback("complaint", "transportation", "Rude on the phone"))
    praise = await log(client, agent, feedback("praise", "transportation", "Fast pothole fix"))
    theirs = await log(client, agent, feedback("complaint", "solid-waste", "Missed pickup"))
    await log(client, agent, {"channel": "phone", "type": "information"})
    for email in ("staff@example.org", "manager@example.org"):
        staff = await login(email)
        listed = (await client.get(CASES, headers=staff)).json()["items"]
        assert [c["id"] for c in listed] == [praise, ours]
        assert (await client.get(f"{CASES}/{ours}", headers=staff)).status_code == 200
        assert (await client.get(f"{CASES}/{theirs}", headers=staff)).status_code == 404
        other = await client.get(CASES, params={"department": "solid-waste"}, headers=staff)
        assert other.json()["items"] == []


async def test_the_list_filters_by_department_and_by_several_types(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    ours = await log(client, agent, feedback("complaint", "transportation", "Cones left"))
    praise = await log(client, agent, feedback("praise", "transportation", "Thanks"))
    await log(client, agent, feedback("complaint", "solid-waste", "Missed pickup"))
    await log(client, agent, feedback("other", "transportation", "Asked about a job"))
    params = {"department": "transportation", "type": ["complaint", "praise"]}
    listed = (await client.get(CASES, params=params, headers=agent)).json()["items"]
    assert [c["id"] for c in listed] == [praise, ours]
    bad = await client.get(CASES, params={"department": "x" * 65}, headers=agent)
    assert bad.status_code == 422


async def test_an_agent_names_or_clears_the_department_after_the_call(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    case_id = await log(client, agent, feedback("complaint", None, "Slow answer"))
    path = f"{CASES}/{case_id}"
    named = await client.patch(
        path, json={"department": "water-wastewater"}, headers={**agent, "If-Match": '"v1"'}
    )
    assert named.status_code == 200, named.text
    assert named.json()["department"] == "water-wastewater"
    unknown = await client.patch(
        path, json={"department": "no-such"}, headers={**agent, "If-Match": '"v2"'}
    )
    assert unknown.status_code == 422
    cleared = await client.patch(
        path, json={"department": None}, headers={**agent, "If-Match": '"v2"'}
    )
    assert cleared.status_code == 200, cleared.text
    assert cleared.json()["department"] is None

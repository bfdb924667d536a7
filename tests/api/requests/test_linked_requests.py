"""A request's links for the request page: the request it was merged into, and the requests
merged into it, whose reporters follow it ("also reported by"), with their contact details."""

from typing import Any

import httpx
import pytest

from tests.api.conftest import Login, pothole_body
from tests.api.open311.open311_support import PARTNER_KEY

REQUESTS = "/api/v1/requests"
ROSA = {"first_name": "Rosa", "last_name": "Parks", "email": "rosa@example.net"}
LENA = {"first_name": "Lena", "last_name": "Leakcheck", "phone": "+14105550177"}
OMAR = {"first_name": "Omar", "email": "omar@example.net", "phone": "+14105550199"}
# Signed-in people of every role that may see a transportation request, and its partner system.
SEES_TRANSPORTATION = {
    "admin": "admin@example.org",
    "supervisor": "supervisor@example.org",
    "agent": "agent@example.org",
    "staff": "staff@example.org",
    "manager": "manager@example.org",
}


async def create(
    client: httpx.AsyncClient, agent: dict[str, str], reporter: dict[str, str], **body: Any
) -> dict[str, Any]:
    answer = await client.post(
        REQUESTS, json=pothole_body(reporter=reporter, **body), headers=agent
    )
    assert answer.status_code == 201, answer.text
    created: dict[str, Any] = answer.json()
    return created


async def merge(
    client: httpx.AsyncClient, agent: dict[str, str], child: str, into: str, etag: str = '"v1"'
) -> None:
    answer = await client.post(
        f"{REQUESTS}/{child}/merge", json={"into": into}, headers={**agent, "If-Match": etag}
    )
    assert answer.status_code == 200, answer.text


def reporter(person: dict[str, str]) -> dict[str, str | None]:
    fields = ("first_name", "last_name", "email", "phone", "language")
    return {field: person.get(field) for field in fields}


def link(created: dict[str, Any], person: dict[str, str], status: str) -> dict[str, Any]:
    return {
        "id": created["id"],
        "status": status,
        "channel": created["channel"],
        "requested_at": created["requested_at"],
        "reporter": reporter(person),
    }


@pytest.fixture
async def chain(client: httpx.AsyncClient, agent: dict[str, str]) -> list[dict[str, Any]]:
    """Rosa's pothole; Lena's report merged into it; Omar's merged into Lena's before that."""
    parent = await create(client, agent, ROSA)
    middle = await create(client, agent, LENA, channel="web")
    child = await create(client, agent, OMAR)
    await merge(client, agent, child["id"], middle["id"])
    await merge(client, agent, middle["id"], parent["id"], '"v2"')  # v2: it absorbed Omar's
    return [parent, middle, child]


async def test_a_request_lists_its_parent_and_every_report_merged_into_it(
    client: httpx.AsyncClient, agent: dict[str, str], chain: list[dict[str, Any]]
) -> None:
    parent, middle, child = chain
    top = await client.get(f"{REQUESTS}/{parent['id']}/linked", headers=agent)
    assert top.status_code == 200, top.text
    assert top.json() == {
        "duplicate_of": None,
        "duplicates": [link(middle, LENA, "closed"), link(child, OMAR, "closed")],
    }
    between = (await client.get(f"{REQUESTS}/{middle['id']}/linked", headers=agent)).json()
    assert between == {
        "duplicate_of": link(parent, ROSA, "new"),
        "duplicates": [link(child, OMAR, "closed")],
    }


@pytest.mark.parametrize("role", [*SEES_TRANSPORTATION, "partner"])
async def test_every_role_that_sees_the_request_gets_its_followers_contact_details(
    client: httpx.AsyncClient, login: Login, chain: list[dict[str, Any]], role: str
) -> None:
    """The reporters of a request the caller may see: the same rule as the request's own
    reporter (README, roles), for the followers a call-back may need."""
    parent = chain[0]
    email = SEES_TRANSPORTATION.get(role)
    headers = await login(email) if email else {"X-API-Key": PARTNER_KEY}
    read = await client.get(f"{REQUESTS}/{parent['id']}", headers=headers)
    assert read.json()["reporter"] == reporter(ROSA)
    linked = await client.get(f"{REQUESTS}/{parent['id']}/linked", headers=headers)
    assert linked.status_code == 200, linked.text
    assert [d["reporter"] for d in linked.json()["duplicates"]] == [reporter(LENA), reporter(OMAR)]


async def test_another_departments_staff_and_anonymous_callers_get_nothing(
    client: httpx.AsyncClient, agent: dict[str, str], staff: dict[str, str]
) -> None:
    alley = await create(client, agent, ROSA, service_code="sw-dirty-alley", attributes={})
    for headers, status in (({}, 401), (staff, 404), ({"X-API-Key": PARTNER_KEY}, 404)):
        answer = await client.get(f"{REQUESTS}/{alley['id']}/linked", headers=headers)
        assert answer.status_code == status, answer.text
        assert answer.headers["content-type"] == "application/problem+json"
        assert "Rosa" not in answer.text and "rosa@" not in answer.text


async def test_linked_of_an_unknown_request_is_404(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    answer = await client.get(f"{REQUESTS}/26-99999999/linked", headers=agent)
    assert answer.status_code == 404
    assert answer.json()["detail"] == "service request 26-99999999 was not found"

"""The dashboard summary: exact counts right after the writes, and who may read it."""

from datetime import UTC, datetime, timedelta

import httpx
import pytest

from tests.api.conftest import Login

SUMMARY = "/api/v1/metrics/summary"
CASES = "/api/v1/cases"


def iso(at: datetime) -> str:
    return at.isoformat().replace("+00:00", "Z")


def fresh_window() -> dict[str, str]:
    now = datetime.now(UTC)
    return {"from": iso(now - timedelta(seconds=2)), "to": iso(now + timedelta(minutes=5))}


async def log_contact(
    client: httpx.AsyncClient, who: dict[str, str], channel: str, resolved: bool
) -> None:
    body = {"channel": channel, "type": "information", "resolved_on_first_contact": resolved}
    answer = await client.post(CASES, json=body, headers=who)
    assert answer.status_code == 201, answer.text


async def test_three_contacts_give_exact_counts_and_two_thirds_resolved(
    client: httpx.AsyncClient, agent: dict[str, str], supervisor: dict[str, str]
) -> None:
    window = fresh_window()
    await log_contact(client, agent, "phone", True)
    await log_contact(client, agent, "phone", False)
    await log_contact(client, agent, "walk_in", True)

    answer = await client.get(SUMMARY, params=window, headers=supervisor)

    assert answer.status_code == 200, answer.text
    contacts = answer.json()["contacts"]
    assert contacts["total"] == 3
    assert contacts["by_channel"] == {"phone": 2, "walk_in": 1}
    assert contacts["by_type"] == {"information": 3}
    assert contacts["first_contact_resolution_rate"] == 2 / 3


async def test_an_empty_window_has_no_rates(
    client: httpx.AsyncClient, supervisor: dict[str, str]
) -> None:
    window = {"from": "2031-01-01T00:00:00Z", "to": "2031-01-02T00:00:00Z"}
    answer = await client.get(SUMMARY, params=window, headers=supervisor)
    body = answer.json()
    assert body["contacts"]["total"] == 0
    assert body["contacts"]["first_contact_resolution_rate"] is None
    assert body["requests"]["sla_on_time_rate"] is None
    assert body["requests"]["hours_to_close"] == {"p50": None, "p90": None}
    assert body["calls"]["answered_within_threshold_rate"] is None
    assert body["calls"]["threshold_seconds"] == 25
    assert body["from"] == "2030-12-31T19:00:00-05:00"  # in the city's zone


@pytest.mark.parametrize("who", ["agent@example.org", "staff@example.org"])
async def test_others_get_403_before_their_parameters_are_read(
    client: httpx.AsyncClient, login: Login, who: str
) -> None:
    bad = {"from": "yesterday", "to": "x" * 100, "department": "d" * 100}
    answer = await client.get(SUMMARY, params=bad, headers=await login(who))
    assert answer.status_code == 403, answer.text
    assert answer.headers["content-type"] == "application/problem+json"


async def test_supervisors_get_422_for_bad_parameters(
    client: httpx.AsyncClient, supervisor: dict[str, str]
) -> None:
    for bad in ({"from": "yesterday"}, {"from": "2026-11-02T00:00:00"}, {"to": "x" * 100}):
        answer = await client.get(SUMMARY, params=bad, headers=supervisor)
        assert answer.status_code == 422, (bad, answer.text)
    backwards = {"from": "2026-11-02T00:00:00Z", "to": "2026-11-01T00:00:00Z"}
    assert (await client.get(SUMMARY, params=backwards, headers=supervisor)).status_code == 422


async def test_without_a_token_401(client: httpx.AsyncClient) -> None:
    assert (await client.get(SUMMARY)).status_code == 401


async def test_a_manager_reads_their_own_department_only(
    client: httpx.AsyncClient, agent: dict[str, str], manager: dict[str, str]
) -> None:
    window = fresh_window()
    complaint = {"channel": "phone", "type": "complaint"}
    own, other = "transportation", "bge"
    for about in (own, other):
        answer = await client.post(CASES, json={**complaint, "department": about}, headers=agent)
        assert answer.status_code == 201, answer.text

    mine = await client.get(SUMMARY, params=window, headers=manager)
    assert mine.status_code == 200, mine.text
    assert mine.json()["department"] == own
    assert mine.json()["contacts"]["by_type"] == {"complaint": 1}
    assert mine.json()["calls"] is None
    asked = await client.get(SUMMARY, params={**window, "department": own}, headers=manager)
    assert asked.json()["contacts"]["total"] == 1
    theirs = await client.get(SUMMARY, params={**window, "department": other}, headers=manager)
    assert theirs.status_code == 403

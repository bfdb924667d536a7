"""GET /api/v1/audit: every change to a record, newest first, with who, when and which
request; administrators only (others get 403 whatever they ask); nothing personal in it,
an erasure included."""

from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.acting import acting_as
from adapters.db.anonymization import SqlAnonymizationStore
from adapters.jobs.anonymization import AnonymizationRun
from domain.privacy.anonymization import AnonymizationPolicy
from domain.shared.clock import FixedClock
from tests.api.conftest import Login, pothole_body
from tests.api.privacy.residents_data import (
    REQUESTS,
    close,
    date_back,
    file_request,
    reporter,
    resident_of,
)
from tests.integration.audit.support import entries_since, mark, trail_text_since

AUDIT = "/api/v1/audit"
MARIA = reporter("María", "Gómez", "maria.gomez@example.net", "410-555-0111")
PERSONAL = ("María", "Gómez", "maria.gomez@example.net", "410-555-0111", "4105550111")


async def test_a_request_s_changes_are_its_trail_newest_first(
    client: httpx.AsyncClient, agent: dict[str, str], admin: dict[str, str]
) -> None:
    # Request numbers restart after each test's reset while the trail stays, so an earlier
    # test's entries may share this id: the test reads the trail from its own start.
    started = datetime.now(UTC).isoformat()
    created = await client.post(
        REQUESTS, json=pothole_body(), headers={**agent, "X-Request-ID": "audit-create-1"}
    )
    assert created.status_code == 201, created.text
    request_id = created.json()["id"]
    await close(client, agent, request_id)

    asked = {"entity": "request", "id": request_id, "since": started}
    answer = await client.get(AUDIT, params=asked, headers=admin)

    assert answer.status_code == 200, answer.text
    items = answer.json()["items"]
    assert [item["action"] for item in items] == ["update", "create"]
    update, create = items
    assert create["actor"] == update["actor"] == "agent@example.org"
    assert create["request_id"] == "audit-create-1"
    assert create["after"]["service_code"] == "trm-pothole-repair"
    assert create["after"]["reporter_email"] == "[personal data]"
    assert update["before"]["status"] != update["after"]["status"] == "closed"
    assert "rosa@example.net" not in answer.text and "Parks" not in answer.text
    assert update["seq"] > create["seq"]


async def test_pages_follow_the_cursor_and_the_limit_is_capped(
    client: httpx.AsyncClient, agent: dict[str, str], admin: dict[str, str]
) -> None:
    request_id = await file_request(client, agent, MARIA)
    await close(client, agent, request_id)
    asked = {"entity": "request", "id": request_id, "limit": 1}

    first = (await client.get(AUDIT, params=asked, headers=admin)).json()
    second = (
        await client.get(AUDIT, params={**asked, "cursor": first["next_cursor"]}, headers=admin)
    ).json()

    assert first["items"][0]["seq"] > second["items"][0]["seq"]
    too_many = await client.get(AUDIT, params={**asked, "limit": 201}, headers=admin)
    assert too_many.status_code == 422
    assert too_many.headers["content-type"] == "application/problem+json"
    by_actor = await client.get(
        AUDIT, params={"actor": "agent@example.org", "limit": 5}, headers=admin
    )
    assert {item["actor"] for item in by_actor.json()["items"]} == {"agent@example.org"}


@pytest.mark.parametrize("who", ["agent", "staff", "manager", "supervisor"])
@pytest.mark.parametrize("asked", [{"entity": "request"}, {"limit": "0", "entity": "nonsense"}])
async def test_only_administrators_read_the_trail_and_others_learn_nothing(
    client: httpx.AsyncClient, login: Login, who: str, asked: dict[str, str]
) -> None:
    answer = await client.get(AUDIT, params=asked, headers=await login(f"{who}@example.org"))

    assert answer.status_code == 403, answer.text
    assert answer.headers["content-type"] == "application/problem+json"


async def test_the_trail_needs_a_token(client: httpx.AsyncClient) -> None:
    answer = await client.get(AUDIT, params={"entity": "request"})
    assert answer.status_code == 401
    assert answer.headers["content-type"] == "application/problem+json"


async def test_an_erasure_is_in_the_trail_and_leaves_nothing_of_the_resident_there(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    supervisor: dict[str, str],
    admin: dict[str, str],
    database_state: AsyncEngine,
) -> None:
    since = await mark(database_state)
    request_id = await file_request(client, agent, MARIA)
    maria = await resident_of(database_state, request_id)
    contact = {
        "channel": "phone",
        "type": "complaint",
        "summary": "María Gómez called",
        "notes": "Call back on 410-555-0111",
        "resident_id": str(maria),
    }
    assert (await client.post("/api/v1/cases", json=contact, headers=agent)).status_code == 201

    erased = await client.post(f"/api/v1/residents/{maria}/erasure", headers=supervisor)
    assert erased.status_code == 200, erased.text

    trail = await client.get(AUDIT, params={"entity": "resident", "id": str(maria)}, headers=admin)
    newest = trail.json()["items"][0]
    assert newest["action"] == "erase" and newest["actor"] == "supervisor@example.org"
    assert newest["after"]["requests"] == 1 and newest["after"]["cases"] >= 1
    blanked = trail.json()["items"][1]
    assert blanked["action"] == "update" and blanked["actor"] == "supervisor@example.org"
    assert blanked["before"]["emails"] == "[personal data]" and blanked["after"]["emails"] == []
    everything = await trail_text_since(database_state, since)
    assert not any(value in everything for value in PERSONAL)


async def test_the_anonymization_job_is_in_the_trail_without_what_it_took_out(
    client: httpx.AsyncClient, agent: dict[str, str], database_state: AsyncEngine
) -> None:
    now = datetime.now(UTC)
    request_id = await file_request(client, agent, MARIA)
    await close(client, agent, request_id)
    await date_back(
        database_state, request_id, now - timedelta(days=900), now - timedelta(days=800)
    )
    since = await mark(database_state)
    job = AnonymizationRun(
        SqlAnonymizationStore(database_state), FixedClock(now), AnonymizationPolicy(timedelta(730))
    )

    with acting_as("worker:maintenance.anonymize"):
        assert (await job.run())["service_requests"] >= 1

    (entry,) = await entries_since(database_state, since, entity="request", entity_id=request_id)
    assert entry.actor == "worker:maintenance.anonymize"
    assert entry.before["reporter_email"] == "[personal data]"
    assert entry.after["reporter_email"] is None and entry.after["resident_id"] is None
    everything = await trail_text_since(database_state, since)
    assert not any(value in everything for value in PERSONAL)


async def test_a_time_window_needs_an_offset_and_narrows_the_trail(
    client: httpx.AsyncClient, agent: dict[str, str], admin: dict[str, str]
) -> None:
    before = datetime.now(UTC)
    request_id = await file_request(client, agent, MARIA)
    asked = {"entity": "request", "id": request_id}

    later = await client.get(AUDIT, params={**asked, "since": before.isoformat()}, headers=admin)
    earlier = await client.get(AUDIT, params={**asked, "until": before.isoformat()}, headers=admin)
    naive = await client.get(AUDIT, params={"since": "2026-12-01T00:00:00"}, headers=admin)

    assert [item["action"] for item in later.json()["items"]][-1] == "create"  # a comment after
    # Request numbers restart with each test's reset, so an earlier test's entries may share
    # this id: the window must hold those and none of this test's.
    assert {item["seq"] for item in earlier.json()["items"]}.isdisjoint(
        item["seq"] for item in later.json()["items"]
    )
    assert all(datetime.fromisoformat(item["at"]) < before for item in earlier.json()["items"])
    assert naive.status_code == 422

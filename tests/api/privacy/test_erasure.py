"""A resident's erasure request: everything that names them goes at once, the facts and the
opt-outs stay, the erasure is noted without personal data, and only supervisors and admins
may ask for it."""

import logging
from uuid import UUID, uuid4

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.conftest import Login
from tests.api.privacy.residents_data import (
    REQUESTS,
    add_follower_and_survey,
    add_message,
    close,
    file_request,
    reporter,
    resident_of,
    scalar,
)

MARIA = reporter("María", "Gómez", "maria.gomez@example.net", "410-555-0111")
BOB = reporter("Bob", "Brown", "bob@example.net", "410-555-0122")
PERSONAL = (
    "María",
    "Gómez",
    "Gomez",
    "maria.gomez@example.net",
    "m.g@example.net",
    "410-555-0111",
    "555-0111",
    "4105550111",
)


def erasure(resident_id: UUID) -> str:
    return f"/api/v1/residents/{resident_id}/erasure"


async def maria_everywhere(
    client: httpx.AsyncClient, agent: dict[str, str], engine: AsyncEngine
) -> tuple[UUID, list[str], str]:
    """María's two requests (one closed), a contact, an email, a survey comment, her follow of
    Bob's request and her opt-out; Bob's request, followed by a neighbour."""
    mine = [await file_request(client, agent, MARIA), await file_request(client, agent, MARIA)]
    await close(client, agent, mine[0])
    maria = await resident_of(engine, mine[0])
    contact = {
        "channel": "phone",
        "type": "complaint",
        "summary": "María Gómez called about the crew",
        "notes": "Call back on 410-555-0111",
        "resident_id": str(maria),
    }
    logged = await client.post("/api/v1/cases", json=contact, headers=agent)
    assert logged.status_code == 201, logged.text
    await add_message(engine, mine[1], maria, MARIA["email"])
    await add_follower_and_survey(engine, mine[0], "neighbour@example.net")
    # Filed with her phone written otherwise, and since unlinked: her phone still finds it.
    by_phone = reporter("M.", "Gómez", "m.g@example.net", "+1 (410) 555-0111")
    unlinked = await file_request(client, agent, by_phone)
    async with engine.begin() as db:
        unlink = "UPDATE service_requests SET resident_id = NULL WHERE id = :id"
        await db.execute(text(unlink), {"id": unlinked})
    mine.append(unlinked)
    bobs = await file_request(client, agent, BOB)
    await add_follower_and_survey(engine, bobs, MARIA["email"])
    async with engine.begin() as db:
        await db.execute(
            text(
                "INSERT INTO email_opt_outs (address, opted_out_at, source)"
                " VALUES (:address, now(), 'link')"
            ),
            {"address": MARIA["email"]},
        )
    return maria, mine, bobs


async def test_an_erasure_takes_the_resident_out_of_everything_and_keeps_the_facts(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    supervisor: dict[str, str],
    database_state: AsyncEngine,
    caplog: pytest.LogCaptureFixture,
) -> None:
    engine = database_state
    maria, mine, bobs = await maria_everywhere(client, agent, engine)

    with caplog.at_level(logging.INFO, logger="frontdoor.privacy"):
        answer = await client.post(erasure(maria), headers=supervisor)

    assert answer.status_code == 200, answer.text
    assert answer.json() == {
        "requests": 3,
        "cases": 4,  # the three intake contacts and the call
        "messages": 1,
        "timeline_entries": 3,  # the agent's internal comments naming her
        "followers": 1,  # her follow of Bob's request
        "survey_comments": 1,
    }
    for request_id in mine:
        await _holds_nothing_of_maria(client, agent, request_id)
    await _cannot_be_found(client, agent)
    await _the_rest_stays(client, agent, engine, maria, mine, bobs)
    (record,) = [r for r in caplog.records if r.getMessage() == "resident erased"]
    fields = record.__dict__["fields"]
    assert fields["resident_id"] == str(maria) and fields["requests"] == 3
    assert not any(p in str(record.__dict__) for p in PERSONAL)


async def _holds_nothing_of_maria(
    client: httpx.AsyncClient, agent: dict[str, str], request_id: str
) -> None:
    request = await client.get(f"{REQUESTS}/{request_id}", headers=agent)
    timeline = await client.get(f"{REQUESTS}/{request_id}/timeline", headers=agent)
    assert request.json()["reporter"]["email"] is None
    assert request.json()["service_code"] == "trm-pothole-repair"
    seen = request.text + timeline.text
    assert not any(p in seen for p in PERSONAL)
    notes = [e for e in timeline.json()["items"] if "Personal data erased" in str(e)]
    assert len(notes) == 1 and notes[0]["visibility"] == "internal"


async def _cannot_be_found(client: httpx.AsyncClient, agent: dict[str, str]) -> None:
    for q in ("Gómez", "maria.gomez@example.net", "410-555-0111"):
        found = await client.get("/api/v1/residents", params={"q": q}, headers=agent)
        assert found.status_code == 200 and found.json()["items"] == [], q
    lookup = {"email": MARIA["email"], "last_name": MARIA["last_name"]}
    looked_up = await client.post(f"{REQUESTS}/lookup", json=lookup)
    assert looked_up.status_code == 200 and looked_up.json()["items"] == []


async def _the_rest_stays(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    engine: AsyncEngine,
    maria: UUID,
    mine: list[str],
    bobs: str,
) -> None:
    history = await client.get(f"/api/v1/residents/{maria}", headers=agent)
    assert history.status_code == 200
    assert len(history.json()["requests"]) == 2  # her linked requests still count as hers
    assert not any(p in history.text for p in PERSONAL)
    spoken = "SELECT count(*) FROM messages WHERE body || address || subject <> ''"
    assert await scalar(engine, spoken) == 0
    opted_out = "SELECT count(*) FROM email_opt_outs WHERE address = :a"
    assert await scalar(engine, opted_out, a=MARIA["email"]) == 1  # still never emailed
    neighbour = "SELECT count(*) FROM request_followers WHERE request_id = :id"
    assert await scalar(engine, neighbour, id=mine[0]) == 1  # someone else's follow
    bob = (await client.get(f"{REQUESTS}/{bobs}", headers=agent)).json()
    assert bob["reporter"]["email"] == BOB["email"]


@pytest.mark.parametrize("who", ["agent", "staff", "manager"])
async def test_only_supervisors_and_admins_may_erase(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    login: Login,
    who: str,
    database_state: AsyncEngine,
) -> None:
    request_id = await file_request(client, agent, MARIA)
    maria = await resident_of(database_state, request_id)

    answer = await client.post(erasure(maria), headers=await login(f"{who}@example.org"))

    assert answer.status_code == 403, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    found = await client.get("/api/v1/residents", params={"q": "Gómez"}, headers=agent)
    assert len(found.json()["items"]) == 1  # nothing was erased


async def test_an_unknown_resident_is_not_found(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    answer = await client.post(erasure(uuid4()), headers=admin)
    assert answer.status_code == 404
    assert answer.headers["content-type"] == "application/problem+json"


async def test_an_erasure_needs_a_token(client: httpx.AsyncClient) -> None:
    assert (await client.post(erasure(uuid4()))).status_code == 401

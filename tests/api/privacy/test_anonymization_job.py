"""The anonymization job on the real tables, with a fixed clock: requests closed longer ago
than the policy allows lose their residents' personal data, the facts stay (the dashboard
counts the same), recent and open requests are left alone, and a second run changes nothing.
"""

from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.anonymization import SqlAnonymizationStore
from adapters.jobs.anonymization import AnonymizationRun
from domain.privacy.anonymization import AnonymizationPolicy
from domain.shared.clock import FixedClock
from tests.api.privacy.residents_data import (
    REQUESTS,
    add_follower_and_survey,
    add_message,
    close,
    comment,
    date_back,
    file_request,
    reporter,
    resident_of,
    row,
    scalar,
)

POLICY = AnonymizationPolicy(after=timedelta(days=730))
ROSA = reporter("Rosa", "Parks", "rosa@example.net", "410-555-0199")
OTTO = reporter("Otto", "Oldfield", "otto@example.net", "410-555-0142")
ANN = reporter("Ann", "Lee", "ann@example.net", "410-555-0177")


def iso(at: datetime) -> str:
    return at.isoformat().replace("+00:00", "Z")


async def summary(client: httpx.AsyncClient, who: dict[str, str], now: datetime) -> object:
    window = {"from": iso(now - timedelta(days=1000)), "to": iso(now + timedelta(days=1))}
    answer = await client.get("/api/v1/metrics/summary", params=window, headers=who)
    assert answer.status_code == 200, answer.text
    return answer.json()


async def test_old_closed_requests_lose_personal_data_and_keep_their_facts(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    supervisor: dict[str, str],
    database_state: AsyncEngine,
) -> None:
    engine = database_state
    now = datetime.now(UTC)
    old = await file_request(client, agent, ROSA)  # Rosa's: closed 800 days ago
    recent = await file_request(client, agent, ROSA)  # Rosa's: closed 10 days ago
    otto_old = await file_request(client, agent, OTTO)  # Otto's only request: old
    still_open = await file_request(client, agent, ANN)
    for request_id in (old, recent, otto_old):
        await close(client, agent, request_id)
    await date_back(engine, old, now - timedelta(days=801), now - timedelta(days=800))
    await date_back(engine, otto_old, now - timedelta(days=900), now - timedelta(days=899))
    await date_back(engine, recent, now - timedelta(days=20), now - timedelta(days=10))
    rosa = await resident_of(engine, old)
    otto = await resident_of(engine, otto_old)
    await add_message(engine, old, rosa, ROSA["email"])
    await add_follower_and_survey(engine, old, "neighbour@example.net")
    await add_follower_and_survey(engine, recent, "friend@example.net")
    await _age_residents(engine, now - timedelta(days=800))
    before = await summary(client, supervisor, now)

    job = AnonymizationRun(SqlAnonymizationStore(engine), FixedClock(now), POLICY)
    changed = await job.run()

    assert changed["service_requests"] == 2
    assert changed["residents"] == 1  # Otto; Rosa has a recent request
    assert changed["messages"] == 1 and changed["request_followers"] == 1
    assert await summary(client, supervisor, now) == before
    await _assert_anonymized(client, agent, engine, old, ROSA)
    await _assert_anonymized(client, agent, engine, otto_old, OTTO)
    await _assert_untouched(client, agent, recent, ROSA)
    await _assert_untouched(client, agent, still_open, ANN)
    resident = await row(engine, "SELECT * FROM residents WHERE id = :id", id=otto)
    assert resident["emails"] == [] and resident["phones"] == []
    assert resident["first_name"] is None and resident["last_name"] is None
    assert resident["anonymized_at"] == now
    assert await _found(client, agent, "Oldfield") == 0
    assert await _found(client, agent, "Parks") == 1  # Rosa stays: her recent request
    assert (
        await scalar(engine, "SELECT resident_id FROM service_requests WHERE id = :id", id=recent)
        == rosa
    )

    again = await job.run()
    assert set(again.values()) == {0}

    # A comment on the old request afterwards brings personal data again: the next run
    # takes that request once more, and only it. (A name typed now is no longer known.)
    await comment(client, agent, old, "Call back on 410-555-0199 or rosa@example.net")
    third = await job.run()
    assert third["service_requests"] == 1 and third["request_timeline"] == 1
    await _assert_anonymized(client, agent, engine, old, ROSA)


async def _age_residents(engine: AsyncEngine, at: datetime) -> None:
    async with engine.begin() as db:
        await db.execute(
            text("UPDATE residents SET created_at = :at, updated_at = :at"), {"at": at}
        )


async def _assert_anonymized(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    engine: AsyncEngine,
    request_id: str,
    who: dict[str, str],
) -> None:
    request = (await client.get(f"{REQUESTS}/{request_id}", headers=agent)).json()
    timeline = (await client.get(f"{REQUESTS}/{request_id}/timeline", headers=agent)).text
    assert request["reporter"]["email"] is None and request["reporter"]["last_name"] is None
    assert request["resident_id"] is None
    assert request["status"] == "closed" and request["service_code"] == "trm-pothole-repair"
    for personal in (who["first_name"], who["last_name"], who["email"], who["phone"]):
        assert personal not in str(request) + timeline
    assert "[phone hidden]" in request["description"]
    params = {"id": request_id}
    spoken = "SELECT count(*) FROM messages WHERE request_id = :id AND body || address <> ''"
    assert await scalar(engine, spoken, **params) == 0
    assert (
        await scalar(
            engine, "SELECT count(*) FROM request_followers WHERE request_id = :id", **params
        )
        == 0
    )
    assert (
        await scalar(engine, "SELECT comment FROM survey_answers WHERE request_id = :id", **params)
        is None
    )


async def _assert_untouched(
    client: httpx.AsyncClient, agent: dict[str, str], request_id: str, who: dict[str, str]
) -> None:
    request = (await client.get(f"{REQUESTS}/{request_id}", headers=agent)).json()
    timeline = (await client.get(f"{REQUESTS}/{request_id}/timeline", headers=agent)).text
    assert request["reporter"]["email"] == who["email"]
    assert request["resident_id"] is not None
    assert who["phone"] in request["description"]
    assert who["email"] in timeline


async def _found(client: httpx.AsyncClient, agent: dict[str, str], q: str) -> int:
    answer = await client.get("/api/v1/residents", params={"q": q}, headers=agent)
    assert answer.status_code == 200, answer.text
    return len(answer.json()["items"])

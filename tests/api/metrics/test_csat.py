"""Satisfaction survey figures: exact right after the answers, under the metrics' own rules."""

from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.conftest import pothole_body
from tests.api.metrics.test_summary import fresh_window

SUMMARY = "/api/v1/metrics/summary"
CSAT = "/api/v1/metrics/csat"


async def answered(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    engine: AsyncEngine,
    *answers: tuple[int | None, str, str],
) -> None:
    """One request per answer (score, department, channel); each invited by email."""
    now = datetime.now(UTC)
    for score, department, channel in answers:
        made = await client.post("/api/v1/requests", json=pothole_body(), headers=agent)
        assert made.status_code == 201, made.text
        number = made.json()["id"]
        async with engine.begin() as db:
            await db.execute(
                text(
                    "INSERT INTO survey_invitations (request_id, invited_at, channel) "
                    "VALUES (:n, :at, 'email')"
                ),
                {"n": number, "at": now - timedelta(seconds=1)},
            )
            if score is not None:
                await db.execute(
                    text(
                        "INSERT INTO survey_answers (request_id, score, channel, department_code,"
                        " service_code, answered_at) VALUES (:n, :s, :c, :d, 'x', :at)"
                    ),
                    {"n": number, "s": score, "c": channel, "d": department, "at": now},
                )


async def test_the_summary_counts_sent_answered_average_and_satisfied(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    supervisor: dict[str, str],
    manager: dict[str, str],
    engine: AsyncEngine,
) -> None:
    window = fresh_window()
    empty = await client.get(SUMMARY, params=window, headers=supervisor)
    assert empty.json()["surveys"] == {
        "sent": 0,
        "answered": 0,
        "average_score": None,
        "satisfied_rate": None,
    }
    await answered(
        client,
        agent,
        engine,
        (5, "transportation", "phone"),
        (3, "transportation", "web"),
        (2, "solid-waste", "phone"),
        (None, "", ""),
    )

    everything = (await client.get(SUMMARY, params=window, headers=supervisor)).json()
    own = (await client.get(SUMMARY, params=window, headers=manager)).json()

    surveys = everything["surveys"]
    assert (surveys["sent"], surveys["answered"], surveys["satisfied_rate"]) == (4, 3, 1 / 3)
    assert abs(surveys["average_score"] - 10 / 3) < 1e-9
    assert own["surveys"]["answered"] == 2  # the transportation manager's department
    assert (own["surveys"]["average_score"], own["surveys"]["satisfied_rate"]) == (4.0, 0.5)


async def test_the_csat_series_groups_by_channel_and_keeps_the_access_rules(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    supervisor: dict[str, str],
    manager: dict[str, str],
    engine: AsyncEngine,
) -> None:
    window = fresh_window()
    await answered(client, agent, engine, (5, "transportation", "phone"), (1, "solid-waste", "web"))
    params = {**window, "interval": "total", "group_by": "channel", "measure": "average_score"}

    by_channel = await client.get(CSAT, params=params, headers=supervisor)
    mine = await client.get(CSAT, params=params, headers=manager)
    theirs = await client.get(CSAT, params={**params, "department": "solid-waste"}, headers=manager)
    by_agent = await client.get(CSAT, params={**params, "group_by": "agent"}, headers=supervisor)

    assert by_channel.status_code == 200, by_channel.text
    lines = {line["key"]: line["values"] for line in by_channel.json()["series"]}
    assert lines == {"phone": [5.0], "web": [1.0]}
    assert {line["key"] for line in mine.json()["series"]} == {"phone"}
    assert theirs.status_code == 403
    assert (await client.get(CSAT, params=params, headers=agent)).status_code == 403
    assert by_agent.status_code == 422

"""The satisfaction survey end to end: a closure, the scan a day later, the email through a
real SMTP server, its one-click link answered once over the public API, and the figures.

One clock drives the API and the worker, so the delay and the link's expiry are exact."""

import asyncio
import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.http.webhook_client import webhook_client_factory
from adapters.jobs.worker import Jobs
from api.app import create_app
from api.bootstrap import Container, outbound_policy, use_case_context
from api.settings import Settings
from api.worker_bootstrap import build_jobs, event_subscribers, worker_config
from domain.shared.clock import FixedClock
from domain.shared.context import Context
from tests.api.conftest import pothole_body
from tests.api.notifications.conftest import (  # noqa: F401  (fixtures)
    ROSA,
    Inbox,
    inbox,
    mail_settings,
    smtp_server,
)
from tests.api.public.test_following import close
from tests.api.requests.test_duplicates import merge
from tests.integration.jobs.helpers import run_all
from tests.problems import problem

SURVEYS = "/api/v1/public/surveys"
LINK = re.compile(r"https://311\.city\.example/survey/(\S+)\?score=4")
START = datetime.now(UTC).replace(microsecond=0)
DAY = timedelta(hours=24)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def survey_settings(mail_settings: Settings) -> Settings:  # noqa: F811
    return mail_settings.model_copy(
        update={"public_survey_url": "https://311.city.example/survey/{token}"}
    )


@pytest.fixture
def app(
    survey_settings: Settings, container: Container, clock: FixedClock, database_state: AsyncEngine
) -> FastAPI:
    """The suite's app on the test's clock."""
    timed = replace(container, clock=clock, context=Context(container.context.uow, clock))
    app = create_app(survey_settings, timed)
    app.state.container = timed
    return app


def worker_jobs(settings: Settings, engine: AsyncEngine, clock: FixedClock) -> Jobs:
    """The worker as `python -m api worker` builds it, on the test's clock."""
    context = use_case_context(engine, clock)
    subscribers = event_subscribers(settings, engine, context)
    factory = webhook_client_factory(5.0, outbound_policy(settings))
    return build_jobs(engine, context, factory, subscribers, worker_config(settings))


async def new_request(client: httpx.AsyncClient, agent: dict[str, str], **fields: object) -> str:
    made = await client.post("/api/v1/requests", json=pothole_body(**fields), headers=agent)
    assert made.status_code == 201, made.text
    number: str = made.json()["id"]
    return number


async def survey_day(jobs: Jobs, engine: AsyncEngine, clock: FixedClock) -> int:
    """A day after the closures: the scan, then the outbox."""
    clock.set(START + DAY + timedelta(minutes=1))
    assert jobs.surveys is not None
    asked = await jobs.surveys.run()
    await run_all(engine, jobs)
    return asked


def surveys_in(messages: list[EmailMessage]) -> list[EmailMessage]:
    return [m for m in messages if "How did we do" in str(m["Subject"])]


def token_of(mail: EmailMessage) -> str:
    found = LINK.search(mail.get_content())
    assert found, mail.get_content()
    return found.group(1)


async def answers(engine: AsyncEngine) -> list[tuple[str, int, str | None]]:
    async with engine.connect() as db:
        rows = await db.execute(text("SELECT request_id, score, comment FROM survey_answers"))
        return [(r.request_id, r.score, r.comment) for r in rows]


async def test_the_reporter_answers_once_and_the_answer_shows_in_the_figures(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    staff: dict[str, str],
    supervisor: dict[str, str],
    inbox: Inbox,  # noqa: F811
    survey_settings: Settings,
    container: Container,
    clock: FixedClock,
) -> None:
    jobs = worker_jobs(survey_settings, container.engine, clock)
    number = await new_request(client, agent)
    await close(client, staff, number)
    await run_all(container.engine, jobs)
    assert jobs.surveys is not None and await jobs.surveys.run() == 0  # not a day yet
    assert await survey_day(jobs, container.engine, clock) == 1
    assert await survey_day(jobs, container.engine, clock) == 0  # once

    (mail,) = surveys_in(inbox.to(ROSA))
    assert mail["Subject"] == f"How did we do with your 311 request {number}?"
    assert mail["List-Unsubscribe"]
    token = token_of(mail)
    state = await client.get(f"{SURVEYS}/{token}")
    assert state.status_code == 200, state.text
    assert state.json()["answered"] is False and state.json()["number"] == number

    first = await client.post(f"{SURVEYS}/{token}/answer", json={"score": 4})
    comment = await client.post(f"{SURVEYS}/{token}/comment", json={"comment": "Fast, thanks"})
    again = await client.post(
        f"{SURVEYS}/{token}/answer", json={"score": 1}, headers={"Accept-Language": "es"}
    )

    assert first.status_code == 201, first.text
    assert first.json()["score"] == 4 and first.json()["commented"] is False
    assert comment.status_code == 200 and comment.json()["commented"] is True
    body = problem(again, 409)
    assert body["code"] == "survey_answered" and "ya fue respondida" in body["detail"]
    assert await answers(container.engine) == [(number, 4, "Fast, thanks")]
    staff_view = await client.get(f"/api/v1/requests/{number}/survey", headers=agent)
    assert staff_view.status_code == 200, staff_view.text
    assert (
        staff_view.json()["comment"] == "Fast, thanks" and staff_view.json()["channel"] == "phone"
    )
    assert (await client.get(f"/api/v1/requests/{number}/survey")).status_code == 401

    clock.set(clock.now() + timedelta(minutes=1))  # the window ends now, excluded
    summary = await client.get("/api/v1/metrics/summary", headers=supervisor)
    assert summary.status_code == 200, summary.text
    assert summary.json()["surveys"] == {
        "sent": 1,
        "answered": 1,
        "average_score": 4.0,
        "satisfied_rate": 1.0,
    }
    series = await client.get(
        "/api/v1/metrics/csat",
        params={"group_by": "department", "interval": "day"},
        headers=supervisor,
    )
    assert series.status_code == 200, series.text
    (line,) = series.json()["series"]
    assert line["key"] == "transportation" and 4.0 in line["values"]
    card = await client.get("/api/v1/report-card")
    totals = {d["code"]: d["total"] for d in card.json()["departments"]}
    transportation = totals["transportation"]
    assert (transportation["survey_answers"], transportation["average_score"]) == (1, 4.0)
    assert "Fast, thanks" not in card.text and "Fast, thanks" not in summary.text


async def test_a_tampered_link_gets_403_and_an_expired_one_410_writing_nothing(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    staff: dict[str, str],
    inbox: Inbox,  # noqa: F811
    survey_settings: Settings,
    container: Container,
    clock: FixedClock,
) -> None:
    jobs = worker_jobs(survey_settings, container.engine, clock)
    number = await new_request(client, agent)
    await close(client, staff, number)
    await survey_day(jobs, container.engine, clock)
    token = token_of(surveys_in(inbox.to(ROSA))[0])
    other = await new_request(client, agent)
    tampered = token.replace(number, other, 1)

    forged = await client.post(f"{SURVEYS}/{tampered}/answer", json={"score": 5})
    garbage = await client.get(f"{SURVEYS}/not-a-token")
    out_of_range = await client.post(f"{SURVEYS}/{token}/answer", json={"score": 9})
    clock.set(START + DAY + timedelta(days=30, minutes=2))
    expired = await client.post(f"{SURVEYS}/{token}/answer", json={"score": 5})
    expired_state = await client.get(f"{SURVEYS}/{token}")

    assert problem(forged, 403)["code"] == "survey_link_invalid"
    assert problem(garbage, 403)["code"] == "survey_link_invalid"
    assert problem(out_of_range, 422)["errors"][0]["field"] == "score"
    assert problem(expired, 410)["code"] == "survey_link_expired"
    assert problem(expired_state, 410)["code"] == "survey_link_expired"
    assert await answers(container.engine) == []
    unanswered = await client.get(f"/api/v1/requests/{number}/survey", headers=agent)
    assert problem(unanswered, 404)["detail"].endswith("has no survey answer")


async def test_a_merged_request_and_an_anonymous_one_get_no_survey(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    staff: dict[str, str],
    inbox: Inbox,  # noqa: F811
    survey_settings: Settings,
    container: Container,
    clock: FixedClock,
) -> None:
    jobs = worker_jobs(survey_settings, container.engine, clock)
    parent = await new_request(client, agent)
    child = await new_request(client, agent)
    anonymous = await new_request(client, agent, reporter=None)
    merged = await merge(client, agent, child, parent, '"v1"')
    assert merged.status_code == 200, merged.text
    await close(client, staff, anonymous)

    assert await survey_day(jobs, container.engine, clock) == 0

    assert surveys_in(inbox.messages) == []
    async with container.engine.connect() as db:
        rows = await db.execute(text("SELECT request_id, channel, skipped FROM survey_invitations"))
        decided = {r.request_id: (r.channel, r.skipped) for r in rows}
    assert decided == {anonymous: (None, "no_contact")}  # the merged one is not even a candidate


LUPE = {"first_name": "Guadalupe", "last_name": "Ortiz", "email": "lupe@example.net",
        "phone": "410-555-0123", "language": "es"}  # fmt: skip
TEXT_LINK = re.compile(r"https://311\.city\.example/survey/(\S+)")


async def prefer(client: httpx.AsyncClient, agent: dict[str, str], preference: str) -> None:
    found = await client.get("/api/v1/residents", params={"q": LUPE["email"]}, headers=agent)
    (resident,) = found.json()["items"]
    patched = await client.patch(
        f"/api/v1/residents/{resident['id']}",
        json={"phones": [LUPE["phone"]], "emails": [LUPE["email"]],
              "contact_preference": preference},
        headers=agent,
    )  # fmt: skip
    assert patched.status_code == 200, patched.text


def texts(settings: Settings) -> list[str]:
    return [f.read_text("utf-8") for f in sorted((Path(settings.mail_dir) / "sms").glob("*.txt"))]


async def test_a_resident_who_chose_texts_is_asked_by_text_in_spanish(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    staff: dict[str, str],
    inbox: Inbox,  # noqa: F811
    survey_settings: Settings,
    container: Container,
    clock: FixedClock,
) -> None:
    jobs = worker_jobs(survey_settings, container.engine, clock)
    number = await new_request(client, agent, reporter=LUPE)
    await prefer(client, agent, "sms")
    await close(client, staff, number)

    assert await survey_day(jobs, container.engine, clock) == 1

    assert surveys_in(inbox.messages) == []
    (asking,) = [t for t in texts(survey_settings) if "Puntúenos" in t]
    assert asking.startswith(f"To: {LUPE['phone']}\n") and number in asking
    found = TEXT_LINK.search(asking)
    assert found, asking
    answered = await client.post(f"{SURVEYS}/{found.group(1)}/answer", json={"score": 2})
    assert answered.status_code == 201, answered.text
    assert await answers(container.engine) == [(number, 2, None)]


async def test_a_resident_who_chose_no_messages_gets_no_survey(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    staff: dict[str, str],
    inbox: Inbox,  # noqa: F811
    survey_settings: Settings,
    container: Container,
    clock: FixedClock,
) -> None:
    jobs = worker_jobs(survey_settings, container.engine, clock)
    number = await new_request(client, agent, reporter=LUPE)
    await prefer(client, agent, "none")
    await close(client, staff, number)

    assert await survey_day(jobs, container.engine, clock) == 0

    assert surveys_in(inbox.messages) == [] and texts(survey_settings) == []


async def test_two_scans_at_once_ask_the_reporter_once(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    staff: dict[str, str],
    inbox: Inbox,  # noqa: F811
    survey_settings: Settings,
    container: Container,
    clock: FixedClock,
) -> None:
    first = worker_jobs(survey_settings, container.engine, clock)
    second = worker_jobs(survey_settings, container.engine, clock)
    number = await new_request(client, agent)
    await close(client, staff, number)
    clock.set(START + DAY + timedelta(minutes=1))
    assert first.surveys is not None and second.surveys is not None

    asked = await asyncio.gather(first.surveys.run(), second.surveys.run())
    await run_all(container.engine, first)

    assert sum(asked) == 1
    assert len(surveys_in(inbox.to(ROSA))) == 1

"""Follow a request instead of reporting it twice: double opt-in, then its news by email.

The whole path: the public API, the outbox, the worker's notifier, a real SMTP server."""

import re
from email.message import EmailMessage

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.http.webhook_client import webhook_client_factory
from adapters.jobs.worker import Jobs, WorkerConfig
from api.bootstrap import Container, outbound_policy, use_case_context
from api.settings import Settings
from api.worker_bootstrap import build_jobs, event_subscribers
from domain.shared.clock import SystemClock
from tests.api.conftest import pothole_body
from tests.api.notifications.conftest import (  # noqa: F401  (fixtures)
    Inbox,
    inbox,
    mail_settings,
    smtp_server,
)
from tests.api.public.conftest import count, follow
from tests.integration.jobs.helpers import run_all
from tests.problems import problem

CONFIRM = "/api/v1/public/followers/confirm"
LUPE = "lupe.follows@example.net"
LINK = re.compile(r"https?://\S+/follow/confirm\?token=(\S+)")


def worker_jobs(settings: Settings, engine: AsyncEngine) -> Jobs:
    """The outbox worker as `python -m api worker` builds it, on the real clock: the confirm
    link it signs must be good when the test follows it."""
    context = use_case_context(engine, SystemClock())
    subscribers = event_subscribers(settings, engine, context)
    factory = webhook_client_factory(5.0, outbound_policy(settings))
    return build_jobs(engine, context, factory, subscribers, WorkerConfig())


async def new_request(client: httpx.AsyncClient, agent: dict[str, str]) -> str:
    made = await client.post("/api/v1/requests", json=pothole_body(), headers=agent)
    assert made.status_code == 201, made.text
    number: str = made.json()["id"]
    return number


def confirm_token(mail: EmailMessage) -> str:
    found = LINK.search(mail.get_content())
    assert found, mail.get_content()
    return found.group(1)


async def close(client: httpx.AsyncClient, staff: dict[str, str], number: str) -> None:
    etag = (await client.get(f"/api/v1/requests/{number}", headers=staff)).headers["ETag"]
    moved = await client.post(
        f"/api/v1/requests/{number}/transitions",
        json={"to": "closed", "reason": "resolved"},
        headers={**staff, "If-Match": etag},
    )
    assert moved.status_code == 200, moved.text


async def confirmed_at(engine: AsyncEngine, email: str) -> list[object]:
    async with engine.connect() as db:
        rows = await db.execute(
            text("SELECT confirmed_at FROM request_followers WHERE email = :e"), {"e": email}
        )
        return [row.confirmed_at for row in rows]


async def test_a_follower_confirms_once_then_hears_of_the_closure_in_spanish(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    staff: dict[str, str],
    inbox: Inbox,  # noqa: F811
    mail_settings: Settings,  # noqa: F811
    container: Container,
    engine: AsyncEngine,
) -> None:
    jobs = worker_jobs(mail_settings, container.engine)
    number = await new_request(client, agent)

    asked = await follow(client, number, "Lupe.Follows@Example.net", "es")

    assert asked.status_code == 202, asked.text
    assert asked.json() == {"number": number, "confirmed": False}
    assert await confirmed_at(engine, LUPE) == [None]  # pending: nothing subscribed yet
    await run_all(container.engine, jobs)
    (asking,) = inbox.to(LUPE)
    assert asking["Content-Language"] == "es"
    assert asking["Subject"] == f"Confirme para seguir la solicitud al 311 {number}"
    assert asking["List-Unsubscribe"]

    confirmed = await client.post(CONFIRM, json={"token": confirm_token(asking)})
    again = await client.post(
        CONFIRM, json={"token": confirm_token(asking)}, headers={"Accept-Language": "es"}
    )

    assert confirmed.status_code == 200, confirmed.text
    assert confirmed.json() == {"number": number}
    assert problem(again, 422)["errors"][0]["code"] == "follow_token_used"
    assert "ya se usó" in again.json()["detail"]
    await close(client, staff, number)
    await run_all(container.engine, jobs)
    await run_all(container.engine, jobs)  # nothing twice
    closure = inbox.to(LUPE)[1:]
    assert [m["Subject"] for m in closure] == [f"La solicitud al 311 {number} está cerrada"]
    body = closure[0].get_content()
    assert "que usted sigue" in body and "El problema se ha solucionado." in body
    assert "Rosa" not in body and "rosa@example.net" not in body


async def test_a_follower_who_never_confirms_hears_nothing_but_the_confirm_link(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    staff: dict[str, str],
    inbox: Inbox,  # noqa: F811
    mail_settings: Settings,  # noqa: F811
    container: Container,
) -> None:
    jobs = worker_jobs(mail_settings, container.engine)
    number = await new_request(client, agent)
    assert (await follow(client, number, "shy@example.net")).status_code == 202
    await run_all(container.engine, jobs)

    await close(client, staff, number)
    await run_all(container.engine, jobs)

    (only,) = inbox.to("shy@example.net")
    assert only["Subject"] == f"Confirm to follow 311 request {number}"
    assert "within 7 days" in only.get_content()


async def test_a_bad_or_altered_confirm_token_is_refused(
    client: httpx.AsyncClient, agent: dict[str, str], engine: AsyncEngine
) -> None:
    for token in ("nope", "a" * 40 + ".1796449612.xyz", "x" * 513):
        answer = await client.post(CONFIRM, json={"token": token})
        assert answer.status_code == 422, answer.text
    assert await count(engine, "request_followers") == 0


async def test_following_needs_the_bot_check_and_an_existing_request(
    client: httpx.AsyncClient, agent: dict[str, str], engine: AsyncEngine
) -> None:
    number = await new_request(client, agent)

    no_proof = await follow(client, number, "bot@example.net", proof=None)
    honeypot = await follow(client, number, "bot@example.net", website="x")
    unknown = await follow(client, "26-99999999", "someone@example.net", "es")
    bad_email = await follow(client, number, "not an email")

    assert problem(no_proof, 422)["errors"][0]["code"] == "proof_missing"
    assert problem(honeypot, 422)["errors"][0]["field"] == "website"
    assert problem(unknown, 404)["detail"] == "No encontramos esta solicitud."
    assert problem(bad_email, 422)["errors"][0]["code"] == "email"
    assert await count(engine, "request_followers") == 0


async def test_pending_followers_whose_link_expired_are_forgotten(
    client: httpx.AsyncClient, agent: dict[str, str], engine: AsyncEngine
) -> None:
    """An address that never confirmed is not kept past its link's week."""
    number = await new_request(client, agent)
    async with engine.begin() as db:
        await db.execute(
            text(
                "INSERT INTO request_followers (id, request_id, email, language, created_at) "
                "VALUES (gen_random_uuid(), :n, 'stale@example.net', 'en', "
                "now() - interval '8 days')"
            ),
            {"n": number},
        )

    assert (await follow(client, number, "fresh@example.net")).status_code == 202

    assert await confirmed_at(engine, "stale@example.net") == []
    assert await confirmed_at(engine, "fresh@example.net") == [None]

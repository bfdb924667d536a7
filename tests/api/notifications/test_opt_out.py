"""Resident emails carry a working one-click opt-out, and an opted-out address hears nothing
more: real requests, a real SMTP server, the real unsubscribe endpoint."""

import re
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from api.bootstrap import Container
from api.settings import Settings
from domain.notifications.opt_out import OptOutTokens
from domain.notifications.residents import ResidentNotifier
from domain.shared.events import EventType
from tests.api.notifications.conftest import (
    LUPE_MIXED_CASE,
    ROSA,
    Inbox,
    created,
    request_event,
    submit,
    worker_jobs,
)
from tests.integration.jobs.helpers import run_all

PAGE = re.compile(r"^https://311\.city\.example/unsubscribe\?token=([\w.-]+)$", re.MULTILINE)
ONE_CLICK_URL = "https://api.311.city.example/api/v1/notifications/unsubscribe?token="


def body(mail: EmailMessage) -> str:
    """The text as sent (a base64 part keeps the CRLF line ends of SMTP)."""
    content: str = mail.get_content()
    return content.replace("\r\n", "\n")


def footer_token(mail: EmailMessage) -> str:
    found = PAGE.search(body(mail))
    assert found, body(mail)
    return found.group(1)


def one_click_target(mail: EmailMessage) -> str:
    """The https target of List-Unsubscribe, as the raw header has it (no decoding needed)."""
    raw = dict(mail.raw_items())["List-Unsubscribe"]
    assert "=?" not in raw and "\n" not in raw, raw  # one line, no RFC 2047 encoded words
    first = raw.split(",")[0].strip()
    assert first.startswith("<") and first.endswith(">")
    return first[1:-1]


async def opted_out(engine: AsyncEngine) -> list[tuple[str, str]]:
    async with engine.connect() as db:
        rows = await db.execute(text("SELECT address, source FROM email_opt_outs"))
        return [(r.address, r.source) for r in rows]


async def test_every_resident_email_carries_the_headers_and_the_footer_link_of_its_address(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    inbox: Inbox,
    residents_notifier: ResidentNotifier,
    mail_settings: Settings,
) -> None:
    english = (await submit(client, agent))["id"]
    spanish = (await submit(client, agent, reporter=LUPE_MIXED_CASE))["id"]
    for number in (english, spanish):
        await residents_notifier.handle(created(number))
        await residents_notifier.handle(
            request_event(EventType.REQUEST_CLOSED, number, status="closed", previous="new")
        )

    tokens = OptOutTokens(mail_settings.secret_key)
    for address, footer in ((ROSA, "open this link:"), ("lupe@example.net", "abra este enlace:")):
        messages = inbox.to(address)
        assert len(messages) == 2
        for mail in messages:
            token = footer_token(mail)
            assert tokens.address_of(token) == address
            link = f"https://311.city.example/unsubscribe?token={token}"
            assert body(mail).endswith(f"{footer}\n{link}\n")
            assert one_click_target(mail) == ONE_CLICK_URL + token
            assert mail["List-Unsubscribe"].endswith(", <mailto:311@city.example?subject=stop>")
            assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


async def test_the_one_click_url_of_an_email_stops_the_next_ones_of_every_kind(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    inbox: Inbox,
    residents_notifier: ResidentNotifier,
    seeded: AsyncEngine,
) -> None:
    number = (await submit(client, agent))["id"]
    other = (await submit(client, agent, reporter=LUPE_MIXED_CASE))["id"]
    await residents_notifier.handle(created(number))
    (mail,) = inbox.to(ROSA)

    target = urlsplit(one_click_target(mail))  # as a mail client would POST it (RFC 8058)
    answer = await client.post(
        f"{target.path}?{target.query}", data={"List-Unsubscribe": "One-Click"}
    )
    assert answer.status_code == 204, answer.text
    assert await opted_out(seeded) == [(ROSA, "one-click")]

    inbox.clear()
    for request_id in (number, other):
        await residents_notifier.handle(created(request_id))  # a new event: a new delivery
        moved = request_event(
            EventType.REQUEST_UPDATED, request_id, status="in_progress", previous="new"
        )
        await residents_notifier.handle(moved)
        await residents_notifier.handle(
            request_event(EventType.REQUEST_CLOSED, request_id, status="closed", previous="new")
        )
    assert inbox.to(ROSA) == []
    assert len(inbox.to("lupe@example.net")) == 3  # someone else's opt-out changes nothing
    async with seeded.connect() as db:
        sent = await db.execute(
            text("SELECT count(*) FROM notification_deliveries WHERE request_id = :n"),
            {"n": number},
        )
        assert sent.scalar_one() == 1  # only the email sent before the opt-out


async def test_the_footer_link_token_opts_out_through_the_page_and_texts_still_go(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    inbox: Inbox,
    residents_notifier: ResidentNotifier,
    mail_settings: Settings,
    seeded: AsyncEngine,
) -> None:
    number = (await submit(client, agent, reporter=LUPE_MIXED_CASE))["id"]
    await residents_notifier.handle(created(number))
    (mail,) = inbox.to("lupe@example.net")
    answer = await client.post(
        "/api/v1/notifications/unsubscribe", json={"token": footer_token(mail)}
    )
    assert answer.status_code == 204, answer.text
    assert await opted_out(seeded) == [("lupe@example.net", "link")]

    inbox.clear()
    await residents_notifier.handle(created(number))
    assert inbox.messages == []

    # The opt-out covers email; a resident who chose texts still gets them.
    found = await client.get("/api/v1/residents", params={"q": "lupe@example.net"}, headers=agent)
    (resident,) = found.json()["items"]
    patched = await client.patch(
        f"/api/v1/residents/{resident['id']}",
        json={"phones": [LUPE_MIXED_CASE["phone"]], "emails": ["lupe@example.net"],
              "contact_preference": "sms"},
        headers=agent,
    )  # fmt: skip
    assert patched.status_code == 200, patched.text
    await residents_notifier.handle(created(number))
    assert inbox.messages == []
    assert len(list((Path(mail_settings.mail_dir) / "sms").glob("*.txt"))) == 1


async def test_through_the_outbox_an_opted_out_resident_hears_nothing_of_their_next_request(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    staff: dict[str, str],
    inbox: Inbox,
    mail_settings: Settings,
    container: Container,
) -> None:
    jobs = worker_jobs(mail_settings, container.engine)
    first = (await submit(client, agent))["id"]
    await run_all(container.engine, jobs)
    (mail,) = inbox.to(ROSA)
    target = urlsplit(one_click_target(mail))
    answer = await client.post(
        f"{target.path}?{target.query}", data={"List-Unsubscribe": "One-Click"}
    )
    assert answer.status_code == 204, answer.text

    second = (await submit(client, agent))["id"]
    etag = (await client.get(f"/api/v1/requests/{first}", headers=agent)).headers["ETag"]
    moved = await client.post(
        f"/api/v1/requests/{first}/transitions",
        json={"to": "closed", "reason": "resolved"},
        headers={**staff, "If-Match": etag},
    )
    assert moved.status_code == 200, moved.text
    await run_all(container.engine, jobs)
    assert [m["Subject"] for m in inbox.to(ROSA)] == [mail["Subject"]]
    assert second != first

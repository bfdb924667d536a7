"""Residents hear about their requests: real requests, hand-built events, a real SMTP server."""

import asyncio
import calendar
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from api.settings import Settings
from domain.notifications.residents import ResidentNotifier
from domain.shared.events import EventType
from tests.api.notifications.conftest import ROSA, Inbox, created, request_event, submit

CITY = ZoneInfo("America/New_York")
SPANISH_MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                  "septiembre", "octubre", "noviembre", "diciembre"]  # fmt: skip
LUPE = {"first_name": "Guadalupe", "last_name": "Ortiz", "email": "lupe@example.net",
        "phone": "410-555-0123", "language": "es-MX"}  # fmt: skip


def local(expected: str) -> datetime:
    return datetime.fromisoformat(expected).astimezone(CITY)


async def test_a_submission_email_in_english_names_the_number_date_and_how_to_look_it_up(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    inbox: Inbox,
    residents_notifier: ResidentNotifier,
) -> None:
    request = await submit(client, agent)
    number = request["id"]

    await residents_notifier.handle(created(number))

    (mail,) = inbox.messages
    assert inbox.recipients == [[ROSA]]
    assert mail["To"] == ROSA
    assert mail["From"] == "Baltimore 311 <311@city.example>"
    assert mail["Subject"] == f"We received your 311 request {number}"
    assert mail["Content-Language"] == "en"
    one_click = "<https://api.311.city.example/api/v1/notifications/unsubscribe?token="
    assert mail["List-Unsubscribe"].startswith(one_click)  # test_opt_out.py follows it
    assert mail["List-Unsubscribe"].endswith(">, <mailto:311@city.example?subject=stop>")
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert mail["Auto-Submitted"] == "auto-generated"
    assert mail["Message-ID"].endswith("@city.example>")
    body = mail.get_content()
    due = local(request["expected_datetime"])
    hour = f"{due.hour % 12 or 12}:{due:%M} {'AM' if due.hour < 12 else 'PM'}"
    assert f"Reference number: {number}" in body
    assert f"{calendar.month_name[due.month]} {due.day}, {due.year}, {hour}" in body
    assert calendar.day_name[due.weekday()] in body
    assert f"https://311.city.example/status/{number}" in body
    assert "https://311.city.example/find" in body
    assert "last name" in body
    assert "Pothole" in body
    assert "Rosa" not in body and "Parks" not in body  # nothing personal in the body


async def test_a_spanish_speaker_gets_the_submission_in_spanish_with_a_local_date(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    inbox: Inbox,
    residents_notifier: ResidentNotifier,
) -> None:
    request = await submit(client, agent, reporter=LUPE)
    number = request["id"]

    await residents_notifier.handle(created(number))

    (mail,) = inbox.to("lupe@example.net")
    assert mail["Subject"] == f"Hemos recibido su solicitud al 311 {number}"
    assert mail["Content-Language"] == "es"
    body = mail.get_content()
    due = local(request["expected_datetime"])
    assert f"Número de referencia: {number}" in body
    assert f"{due.day} de {SPANISH_MONTHS[due.month - 1]} de {due.year}, {due:%H:%M}" in body
    assert "Fecha prevista de resolución" in body
    assert "apellido" in body


async def test_status_changes_in_public_and_closure_are_told_in_the_residents_language(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    inbox: Inbox,
    residents_notifier: ResidentNotifier,
) -> None:
    number = (await submit(client, agent, reporter=LUPE))["id"]
    english = (await submit(client, agent))["id"]
    for request_id in (number, english):
        await _move(client, agent, request_id, {"to": "in_progress"})
        await _move(client, agent, request_id, {"to": "closed", "reason": "resolved"})

    internal = request_event(
        EventType.REQUEST_UPDATED, number, status="new", previous="new",
        public_status_changed=False, changes=["priority"],
    )  # fmt: skip
    await residents_notifier.handle(internal)
    assert inbox.messages == []

    moved = request_event(EventType.REQUEST_UPDATED, number, status="in_progress", previous="new")
    await residents_notifier.handle(moved)
    closed_as_update = request_event(
        EventType.REQUEST_UPDATED, number, status="closed", previous="in_progress"
    )
    await residents_notifier.handle(closed_as_update)  # request.closed tells this one
    closed = request_event(
        EventType.REQUEST_CLOSED, number, status="closed", previous="in_progress"
    )
    await residents_notifier.handle(closed)
    closed_en = request_event(
        EventType.REQUEST_CLOSED, english, status="closed", previous="in_progress"
    )
    await residents_notifier.handle(closed_en)

    status_mail, closed_mail = inbox.to("lupe@example.net")
    assert status_mail["Subject"] == f"Su solicitud al 311 {number} está en curso"
    assert f"Su solicitud {number} sobre Bache está ahora en curso." in status_mail.get_content()
    assert closed_mail["Subject"] == f"Su solicitud al 311 {number} está cerrada"
    assert "El problema se ha solucionado." in closed_mail.get_content()
    (english_mail,) = inbox.to(ROSA)
    assert english_mail["Subject"] == f"Your 311 request {english} is closed"
    assert "The problem has been fixed." in english_mail.get_content()


async def test_a_duplicate_closure_points_to_the_request_that_goes_on(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    inbox: Inbox,
    residents_notifier: ResidentNotifier,
) -> None:
    parent = (await submit(client, agent, reporter={"last_name": "First"}))["id"]
    child = (await submit(client, agent))["id"]
    etag = (await client.get(f"/api/v1/requests/{child}", headers=agent)).headers["ETag"]
    merged = await client.post(
        f"/api/v1/requests/{child}/merge",
        json={"into": parent},
        headers={**agent, "If-Match": etag},
    )
    assert merged.status_code == 200, merged.text

    event = request_event(EventType.REQUEST_CLOSED, child, status="closed", previous="new")
    await residents_notifier.handle(event)

    (mail,) = inbox.messages
    body = mail.get_content()
    assert "Someone had already reported the same problem" in body
    assert (
        f"You can follow request {parent} instead: https://311.city.example/status/{parent}" in body
    )


async def test_a_resident_who_opts_out_hears_nothing(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    inbox: Inbox,
    residents_notifier: ResidentNotifier,
) -> None:
    request = await submit(client, agent)
    resident_id = await _resident_of(client, agent, ROSA)
    details = {"first_name": "Rosa", "last_name": "Parks", "emails": [ROSA]}
    patched = await client.patch(
        f"/api/v1/residents/{resident_id}",
        json={**details, "contact_preference": "none"},
        headers=agent,
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["contact_preference"] == "none"

    await residents_notifier.handle(created(request["id"]))
    assert inbox.messages == []

    edited = {**details, "phones": ["410-555-0111"]}
    edit = await client.patch(f"/api/v1/residents/{resident_id}", json=edited, headers=agent)
    assert edit.json()["contact_preference"] == "none"  # an edit that does not say keeps it
    await residents_notifier.handle(created(request["id"]))
    assert inbox.messages == []

    again = await client.patch(
        f"/api/v1/residents/{resident_id}",
        json={**edited, "contact_preference": "email"},
        headers=agent,
    )
    assert again.json()["contact_preference"] == "email"
    await residents_notifier.handle(created(request["id"]))
    assert [m["To"] for m in inbox.messages] == [ROSA]


async def test_sms_needs_a_phone_and_an_unknown_preference_is_refused(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    await submit(client, agent)
    resident_id = await _resident_of(client, agent, ROSA)
    url = f"/api/v1/residents/{resident_id}"
    no_phone = await client.patch(
        url, json={"emails": [ROSA], "contact_preference": "sms"}, headers=agent
    )
    assert no_phone.status_code == 422
    assert "contact_preference" in no_phone.text
    unknown = await client.patch(
        url, json={"emails": [ROSA], "contact_preference": "pigeon"}, headers=agent
    )
    assert unknown.status_code == 422
    after = await client.get(url, headers=agent)
    assert after.json()["contact_preference"] == "email"  # nothing written


async def test_a_resident_who_prefers_sms_gets_a_text_instead_of_an_email(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    inbox: Inbox,
    residents_notifier: ResidentNotifier,
    mail_settings: Settings,
) -> None:
    request = await submit(client, agent, reporter=LUPE)
    resident_id = await _resident_of(client, agent, LUPE["email"])
    patched = await client.patch(
        f"/api/v1/residents/{resident_id}",
        json={"phones": [LUPE["phone"]], "emails": [LUPE["email"]], "contact_preference": "sms",
              "preferred_language": "es"},
        headers=agent,
    )  # fmt: skip
    assert patched.status_code == 200, patched.text

    await residents_notifier.handle(created(request["id"]))

    assert inbox.messages == []
    (text_file,) = (Path(mail_settings.mail_dir) / "sms").glob("*.txt")
    written = text_file.read_text("utf-8")
    assert written.startswith(f"To: {LUPE['phone']}\n")
    assert f"recibimos su solicitud {request['id']} (Bache)" in written
    assert "Guadalupe" not in written


async def test_anonymous_requests_hear_nothing(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    inbox: Inbox,
    residents_notifier: ResidentNotifier,
) -> None:
    anonymous = (await submit(client, agent, reporter=None))["id"]
    phone_only = (await submit(client, agent, reporter={"phone": "410-555-0100"}))["id"]
    for number in (anonymous, phone_only):
        await residents_notifier.handle(created(number))
    await residents_notifier.handle(created("26-99999999"))  # no such request
    assert inbox.messages == []


async def test_a_reporter_without_a_resident_record_hears_at_the_email_on_the_request(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    inbox: Inbox,
    residents_notifier: ResidentNotifier,
    seeded: AsyncEngine,
) -> None:
    number = (await submit(client, agent))["id"]
    async with seeded.begin() as db:
        await db.execute(
            text("UPDATE service_requests SET resident_id = NULL WHERE id = :id"), {"id": number}
        )
    await residents_notifier.handle(created(number))
    assert [m["To"] for m in inbox.messages] == [ROSA]


async def test_handling_an_event_twice_or_at_once_sends_one_message(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    inbox: Inbox,
    residents_notifier: ResidentNotifier,
) -> None:
    number = (await submit(client, agent))["id"]
    event = created(number)
    await residents_notifier.handle(event)
    await residents_notifier.handle(event)
    other = created(number)  # the same change delivered concurrently by two workers
    await asyncio.gather(residents_notifier.handle(other), residents_notifier.handle(other))
    assert len(inbox.messages) == 2
    assert inbox.messages[0]["Message-ID"] != inbox.messages[1]["Message-ID"]


async def test_a_refused_message_is_sent_when_the_event_comes_again(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    inbox: Inbox,
    residents_notifier: ResidentNotifier,
) -> None:
    number = (await submit(client, agent))["id"]
    event = created(number)
    inbox.refuse = 1
    with pytest.raises(Exception, match="try again later"):
        await residents_notifier.handle(event)
    assert inbox.messages == []
    await residents_notifier.handle(event)
    await residents_notifier.handle(event)
    assert [m["To"] for m in inbox.messages] == [ROSA]


async def _move(
    client: httpx.AsyncClient, agent: dict[str, str], request_id: str, body: dict[str, str]
) -> None:
    etag = (await client.get(f"/api/v1/requests/{request_id}", headers=agent)).headers["ETag"]
    moved = await client.post(
        f"/api/v1/requests/{request_id}/transitions",
        json=body,
        headers={**agent, "If-Match": etag},
    )
    assert moved.status_code == 200, moved.text


async def _resident_of(client: httpx.AsyncClient, agent: dict[str, str], email: str) -> str:
    found = await client.get("/api/v1/residents", params={"q": email}, headers=agent)
    (resident,) = found.json()["items"]
    resident_id: str = resident["id"]
    return resident_id


async def test_a_caller_who_asks_for_no_more_messages_is_opted_out_from_the_contact_record(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    inbox: Inbox,
    residents_notifier: ResidentNotifier,
) -> None:
    number = (await submit(client, agent))["id"]
    case = await client.post(
        "/api/v1/cases",
        json={"channel": "phone", "type": "status_inquiry",
              "resident": {"emails": [ROSA], "contact_preference": "none"}},
        headers=agent,
    )  # fmt: skip
    assert case.status_code == 201, case.text
    resident = await client.get(f"/api/v1/residents/{case.json()['resident_id']}", headers=agent)
    assert resident.json()["contact_preference"] == "none"
    assert number in [r["id"] for r in resident.json()["requests"]]
    await residents_notifier.handle(created(number))
    assert inbox.messages == []
    silent = await client.post(
        "/api/v1/cases",
        json={"channel": "phone", "type": "status_inquiry", "resident": {"emails": [ROSA]}},
        headers=agent,
    )
    assert silent.json()["resident_id"] == case.json()["resident_id"]
    resident = await client.get(f"/api/v1/residents/{case.json()['resident_id']}", headers=agent)
    assert resident.json()["contact_preference"] == "none"  # not said again: kept


async def test_a_spanish_email_names_the_service_in_spanish(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    inbox: Inbox,
    residents_notifier: ResidentNotifier,
) -> None:
    number = (await submit(client, agent, reporter=LUPE))["id"]
    await residents_notifier.handle(created(number))
    (mail,) = inbox.to("lupe@example.net")
    body = mail.get_content()
    assert "Hemos recibido su solicitud sobre: Bache." in body
    assert "Pothole" not in body

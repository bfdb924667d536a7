"""Managers hear once per threshold that a request of their department is late."""

from datetime import datetime, timedelta

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.notifications.escalation import EscalationNotifier
from domain.shared.events import Event, EventType
from tests.api.conftest import pothole_body
from tests.api.notifications.conftest import Inbox

MANAGER = "manager@example.org"


async def late_request(client: httpx.AsyncClient, agent: dict[str, str]) -> tuple[str, datetime]:
    answer = await client.post("/api/v1/requests", json=pothole_body(), headers=agent)
    assert answer.status_code == 201, answer.text
    return answer.json()["id"], datetime.fromisoformat(answer.json()["expected_datetime"])


def overdue(number: str, threshold: str, at: datetime) -> Event:
    return Event(
        type=EventType.REQUEST_OVERDUE,
        subject=number,
        occurred_at=at,
        department_code="transportation",
        service_code="trm-pothole-repair",
        data={"threshold": threshold, "status": "new", "department_code": "transportation"},
    )


async def test_the_departments_managers_get_one_email_per_threshold(
    client: httpx.AsyncClient, agent: dict[str, str], inbox: Inbox, escalations: EscalationNotifier
) -> None:
    number, expected = await late_request(client, agent)
    due_soon = overdue(number, "due_soon", expected - timedelta(hours=3, minutes=15))
    late = overdue(number, "overdue", expected + timedelta(days=1, hours=2, minutes=5))

    await escalations.handle(due_soon)
    await escalations.handle(due_soon)  # the same event again
    await escalations.handle(overdue(number, "due_soon", expected))  # the scan runs again
    await escalations.handle(late)
    await escalations.handle(overdue(number, "overdue", expected + timedelta(days=2)))

    assert [m["To"] for m in inbox.messages] == [MANAGER, MANAGER]  # not the employee
    soon, over = inbox.messages
    assert soon["Subject"] == f"[311 due soon] {number} Pothole: due in 3 hours 15 minutes"
    assert over["Subject"] == f"[311 overdue] {number} Pothole: overdue by 1 day 2 hours"
    body = over.get_content()
    assert f"Request {number} is overdue by 1 day 2 hours." in body
    assert "Service: Pothole" in body
    assert "Where: 100 N Holliday St, Baltimore, MD" in body
    assert "Expected completion: " in body and f"{expected.year}" in body
    for personal in ("Rosa", "Parks", "rosa@example.net"):
        assert personal not in body


async def test_closed_requests_and_other_events_are_not_escalated(
    client: httpx.AsyncClient, agent: dict[str, str], inbox: Inbox, escalations: EscalationNotifier
) -> None:
    number, expected = await late_request(client, agent)
    etag = (await client.get(f"/api/v1/requests/{number}", headers=agent)).headers["ETag"]
    closed = await client.post(
        f"/api/v1/requests/{number}/transitions",
        json={"to": "closed", "reason": "resolved"},
        headers={**agent, "If-Match": etag},
    )
    assert closed.status_code == 200, closed.text
    await escalations.handle(overdue(number, "overdue", expected + timedelta(hours=1)))
    await escalations.handle(overdue(number, "late-ish", expected))
    other, _ = await late_request(client, agent)
    await escalations.handle(overdue(other, "", expected))
    created = Event(type=EventType.REQUEST_CREATED, subject=other, occurred_at=expected)
    await escalations.handle(created)
    assert inbox.messages == []


async def test_a_department_without_a_manager_is_told_at_its_own_address(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    inbox: Inbox,
    escalations: EscalationNotifier,
    seeded: AsyncEngine,
) -> None:
    number, expected = await late_request(client, agent)
    async with seeded.begin() as db:
        await db.execute(text("UPDATE users SET active = false WHERE email = :e"), {"e": MANAGER})
    await escalations.handle(overdue(number, "overdue", expected + timedelta(hours=1)))
    assert inbox.messages == []  # no manager, and the department has no address

    async with seeded.begin() as db:
        await db.execute(
            text("UPDATE departments SET email = 'dot@city.example' WHERE code = 'transportation'")
        )
    await escalations.handle(overdue(number, "overdue", expected + timedelta(hours=2)))
    assert [m["To"] for m in inbox.messages] == ["dot@city.example"]

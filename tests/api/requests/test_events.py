"""What the API's changes publish to the outbox: public facts only, in the same transaction."""

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.jobs.codec import decode_event
from domain.shared.events import Event, EventType
from tests.api.conftest import pothole_body

PERSONAL = ("Rosa", "Parks", "rosa@example.net", "Dana", "dana@example.net", "555")


async def published(engine: AsyncEngine) -> list[Event]:
    async with engine.connect() as db:
        rows = await db.execute(
            text("SELECT payload FROM pgqueuer WHERE entrypoint = 'events.dispatch' ORDER BY id")
        )
        return [decode_event(payload) for (payload,) in rows]


async def test_a_request_and_a_contact_publish_their_events_without_personal_data(
    client: httpx.AsyncClient, agent: dict[str, str], database_state: AsyncEngine
) -> None:
    created = await client.post("/api/v1/requests", json=pothole_body(), headers=agent)
    assert created.status_code == 201, created.text
    case = await client.post(
        "/api/v1/cases",
        json={
            "channel": "phone",
            "type": "information",
            "resident": {
                "first_name": "Dana",
                "emails": ["dana@example.net"],
                "phones": ["555-0100"],
            },
            "notes": "Dana asked about trash day",
        },
        headers=agent,
    )
    assert case.status_code == 201, case.text
    request_event, case_event = await published(database_state)
    assert (request_event.type, request_event.subject) == (
        EventType.REQUEST_CREATED,
        created.json()["id"],
    )
    assert (case_event.type, case_event.subject) == (EventType.CASE_CREATED, case.json()["id"])
    assert case_event.data["type"] == "information"
    for event in (request_event, case_event):
        assert not any(value in str(event.data) for value in PERSONAL)


async def test_a_refused_change_publishes_nothing(
    client: httpx.AsyncClient, agent: dict[str, str], database_state: AsyncEngine
) -> None:
    refused = await client.post(
        "/api/v1/requests", json=pothole_body(service_code="no-such-service"), headers=agent
    )
    assert refused.status_code == 422
    assert await published(database_state) == []

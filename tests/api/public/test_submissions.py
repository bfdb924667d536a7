"""A resident reports from the web: one request, channel web, its number and expected date."""

from datetime import datetime

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.public.conftest import SUBMIT, new_key, report_body, send_report, written


async def test_a_good_report_creates_one_web_request_with_its_number_and_expected_date(
    client: httpx.AsyncClient, engine: AsyncEngine, agent: dict[str, str]
) -> None:
    before = await written(engine)

    answer = await send_report(client, await report_body(client))

    assert answer.status_code == 201, answer.text
    created = answer.json()
    number = created["number"]
    assert created["follow_url"].endswith(f"/status/{number}")
    assert datetime.fromisoformat(created["expected_at"]) > datetime.fromisoformat(
        "2026-01-01T00:00:00+00:00"
    )
    assert created["upload_token"]
    after = await written(engine)
    assert after["service_requests"] == before["service_requests"] + 1
    assert after["cases"] == before["cases"] + 1
    staff_view = await client.get(f"/api/v1/requests/{number}", headers=agent)
    assert staff_view.status_code == 200, staff_view.text
    assert staff_view.json()["channel"] == "web"
    assert staff_view.json()["service_code"] == "trm-pothole-repair"


async def test_the_same_idempotency_key_twice_makes_one_request(
    client: httpx.AsyncClient, engine: AsyncEngine
) -> None:
    body = await report_body(client)
    key = new_key()
    before = await written(engine)

    first = await client.post(SUBMIT, json=body, headers=key)
    second = await client.post(SUBMIT, json=body, headers=key)

    assert first.status_code == 201, first.text
    assert second.status_code == 201
    assert second.json()["number"] == first.json()["number"]
    assert second.headers["idempotent-replayed"] == "true"
    assert (await written(engine))["service_requests"] == before["service_requests"] + 1


async def test_a_report_without_an_idempotency_key_is_refused_and_writes_nothing(
    client: httpx.AsyncClient, engine: AsyncEngine
) -> None:
    before = await written(engine)

    answer = await client.post(SUBMIT, json=await report_body(client))

    assert answer.status_code == 422
    assert [e["field"] for e in answer.json()["errors"]] == ["Idempotency-Key"]
    assert await written(engine) == before


async def test_an_address_alone_is_a_complete_location(
    client: httpx.AsyncClient, engine: AsyncEngine, agent: dict[str, str]
) -> None:
    body = await report_body(client, lat=None, lon=None, address="101 N Holliday St")

    answer = await send_report(client, body)

    assert answer.status_code == 201, answer.text
    async with engine.connect() as db:
        row = (
            await db.execute(
                text("SELECT lat, long, channel FROM service_requests WHERE id = :id"),
                {"id": answer.json()["number"]},
            )
        ).one()
    assert row.channel == "web"
    assert row.lat is not None and row.long is not None

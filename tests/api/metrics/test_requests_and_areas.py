"""Requests, SLA and areas: counted when they came in and when they closed, per area."""

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

METRICS = "/api/v1/metrics"
DISTRICT_11 = {"lat": 39.2904, "long": -76.6122}
DISTRICT_14 = {"lat": 39.33, "long": -76.62}
WEEK = {"from": "2026-11-09", "to": "2026-11-16"}  # the one before: 2026-11-02 to 11-09
LAYER = "council-districts"


@pytest.fixture
def database_state(seeded_with_layers: AsyncEngine) -> AsyncEngine:
    return seeded_with_layers


async def request_at(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    who: dict[str, str],
    service: str,
    place: dict[str, float],
    requested: str,
    closed: str | None,
    expected: str,
) -> str:
    body = {"service_code": service, "description": "Metrics", "location": place}
    answer = await client.post("/api/v1/requests", json=body, headers=who)
    assert answer.status_code == 201, answer.text
    request_id = str(answer.json()["id"])
    async with engine.begin() as db:
        await db.execute(
            text(
                "UPDATE service_requests SET requested_at = :requested, closed_at = :closed,"
                " expected_at = :expected, status = CASE WHEN CAST(:closed AS timestamptz) IS NULL"
                " THEN status ELSE 'closed' END WHERE id = :id"
            ),
            {
                "id": request_id,
                "requested": datetime.fromisoformat(requested),
                "closed": closed and datetime.fromisoformat(closed),
                "expected": datetime.fromisoformat(expected),
            },
        )
    return request_id


@pytest.fixture
async def five_requests(
    client: httpx.AsyncClient, database_state: AsyncEngine, agent: dict[str, str]
) -> None:
    streets, alley = "trm-street-repairs", "sw-dirty-alley"
    for service, place, requested, closed, expected in (
        (streets, DISTRICT_11, "2026-11-10T10:00-05:00", "2026-11-10T20:00-05:00", "2026-11-11"),
        (streets, DISTRICT_11, "2026-11-11T08:00-05:00", "2026-11-13T08:00-05:00", "2026-11-12"),
        (alley, DISTRICT_14, "2026-11-12T09:00-05:00", None, "2026-11-13T00:00-05:00"),
        (streets, DISTRICT_11, "2026-11-03T09:00-05:00", "2026-11-04T09:00-05:00", "2026-11-05"),
        (alley, DISTRICT_14, "2026-11-14T09:00-05:00", "2026-11-20T09:00-05:00", "2026-11-18"),
    ):
        expected_at = expected if "T" in expected else f"{expected}T00:00-05:00"
        await request_at(
            client, database_state, agent, service, place, requested, closed, expected_at
        )


async def get(
    client: httpx.AsyncClient, who: dict[str, str], path: str, **params: str
) -> dict[str, Any]:
    answer = await client.get(f"{METRICS}/{path}", params=params, headers=who)
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def values(body: dict[str, Any]) -> dict[str, list[float | None]]:
    return {line["key"]: line["values"] for line in body["series"]}


@pytest.mark.usefixtures("five_requests")
async def test_the_summary_of_a_past_week(
    client: httpx.AsyncClient, supervisor: dict[str, str]
) -> None:
    requests = (await get(client, supervisor, "summary", **WEEK))["requests"]

    assert requests["opened"] == 4
    assert requests["closed"] == 2
    assert requests["backlog"] == 2  # one still open, one closed after the week
    assert requests["overdue"] == 1
    assert requests["sla_on_time_rate"] == 0.5
    assert requests["hours_to_close"] == {"p50": 29.0, "p90": pytest.approx(44.2)}


@pytest.mark.usefixtures("five_requests")
async def test_request_and_sla_series(
    client: httpx.AsyncClient, supervisor: dict[str, str]
) -> None:
    total = {**WEEK, "interval": "total"}
    by_area = await get(client, supervisor, "requests", **total, group_by=f"area:{LAYER}")
    closed = await get(
        client, supervisor, "requests", **total, measure="closed", group_by="department"
    )
    on_time = await get(client, supervisor, "sla", **total, group_by="department")
    p50 = await get(client, supervisor, "sla", **total, measure="hours_to_close_p50")
    daily = await get(client, supervisor, "requests", **WEEK, group_by="service")

    assert values(by_area) == {"11": [2], "14": [2]}
    assert [line["label"] for line in by_area["series"]] == ["District 11", "District 14"]
    assert values(closed) == {"transportation": [2]}
    assert values(on_time) == {"transportation": [0.5]}
    assert values(p50) == {"all": [29.0]}
    assert len(daily["buckets"]) == 7
    assert values(daily)["trm-street-repairs"] == [0, 1, 1, 0, 0, 0, 0]


@pytest.mark.usefixtures("five_requests")
async def test_top_issues_per_district_against_the_week_before(
    client: httpx.AsyncClient, supervisor: dict[str, str]
) -> None:
    body = await get(client, supervisor, "top-issues", **WEEK, layer=LAYER, limit="5")

    assert body["previous_from"] == "2026-11-02T00:00:00-05:00"
    assert body["previous_to"] == body["from"] == "2026-11-09T00:00:00-05:00"
    areas = {area["code"]: area for area in body["areas"]}
    assert len(areas) == 14 and areas["5"]["issues"] == []
    assert areas["11"]["name"] == "District 11"
    assert areas["11"]["issues"] == [
        {
            "service_code": "trm-street-repairs",
            "service_name": areas["11"]["issues"][0]["service_name"],
            "count": 2,
            "previous_count": 1,
            "change": 1,
        }
    ]
    assert [(i["service_code"], i["count"], i["change"]) for i in areas["14"]["issues"]] == [
        ("sw-dirty-alley", 2, 2)
    ]


@pytest.mark.usefixtures("five_requests")
async def test_open_by_area_and_a_managers_view(
    client: httpx.AsyncClient, supervisor: dict[str, str], manager: dict[str, str]
) -> None:
    body = await get(client, supervisor, "open-by-area", layer=LAYER)
    mine = await get(client, manager, "top-issues", **WEEK, layer=LAYER)

    assert {a["code"]: a["open"] for a in body["areas"] if a["open"]} == {"14": 1}
    assert body["outside"] == 0
    assert [a["code"] for a in mine["areas"] if a["issues"]] == ["11"]  # transportation only
    other = await client.get(
        f"{METRICS}/open-by-area",
        params={"layer": LAYER, "department": "solid-waste"},
        headers=manager,
    )
    assert other.status_code == 403
    unknown = await client.get(f"{METRICS}/open-by-area", params={"layer": "x"}, headers=manager)
    assert unknown.status_code == 422


@pytest.mark.usefixtures("five_requests")
async def test_contacts_count_in_the_departments_and_areas_of_their_requests(
    client: httpx.AsyncClient, supervisor: dict[str, str]
) -> None:
    now = datetime.now(UTC)
    fresh = {
        "from": (now - timedelta(minutes=5)).isoformat(),
        "to": (now + timedelta(minutes=5)).isoformat(),
        "interval": "total",
    }
    by_department = await get(client, supervisor, "contacts", **fresh, group_by="department")
    by_area = await get(client, supervisor, "contacts", **fresh, group_by=f"area:{LAYER}")
    only_alleys = await get(client, supervisor, "contacts", **fresh, service_code="sw-dirty-alley")

    assert values(by_department) == {"transportation": [3], "solid-waste": [2]}
    assert values(by_area) == {"11": [3], "14": [2]}
    assert values(only_alleys) == {"all": [2]}

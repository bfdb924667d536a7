"""The public report card: per department and month of the city's calendar, exact figures."""

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.open_data.support import seed_requests

CARD = "/api/v1/report-card"
CITY = ZoneInfo("America/New_York")
NO_SURVEYS = {"survey_answers": 0, "average_score": None}
EMPTY = {"opened": 0, "closed": 0, "sla_on_time_rate": None, "median_days_to_close": None,
         **NO_SURVEYS}  # fmt: skip


def month_start(months_back: int) -> datetime:
    """Midnight on the first of the month `months_back` before this one, in the city."""
    now = datetime.now(CITY)
    index = now.year * 12 + now.month - 1 - months_back
    return datetime(index // 12, index % 12 + 1, 1, tzinfo=CITY)


def label(months_back: int) -> str:
    return month_start(months_back).strftime("%Y-%m")


def sql(at: datetime | None) -> str:
    return "NULL" if at is None else f"timestamptz '{at.astimezone(UTC).isoformat()}'"


async def seed(
    engine: AsyncEngine,
    request_id: str,
    requested: datetime,
    closed: datetime | None = None,
    expected: datetime | None = None,
    service: str = "trm-pothole-repair",
) -> None:
    await seed_requests(
        engine, 1, service, id=f"'{request_id}'", requested_at=sql(requested),
        updated_at=sql(closed or requested), closed_at=sql(closed), expected_at=sql(expected),
        status="'closed'" if closed else "'new'",
    )  # fmt: skip


async def card(client: httpx.AsyncClient, **headers: str) -> dict[str, Any]:
    answer = await client.get(CARD, headers=headers)
    assert answer.status_code == 200, answer.text
    assert answer.headers["cache-control"] == "public, max-age=300"
    body: dict[str, Any] = answer.json()
    return body


def figures(body: dict[str, Any], department: str) -> dict[str, Any]:
    found: dict[str, Any] = next(d for d in body["departments"] if d["code"] == department)
    return found


async def test_nothing_yet_gives_zeros_and_no_rates(client: httpx.AsyncClient) -> None:
    body = await card(client)  # no token
    assert body["time_zone"] == "America/New_York"
    assert body["months"] == [label(back) for back in range(11, -1, -1)]
    assert body["start"] == month_start(11).isoformat()
    assert len(body["departments"]) == 8
    for department in body["departments"]:
        assert department["total"] == EMPTY
        assert [m["month"] for m in department["months"]] == body["months"]
        assert all(m | {"month": None} == EMPTY | {"month": None} for m in department["months"])


async def test_opened_closed_on_time_and_median_days_per_department_and_month(
    client: httpx.AsyncClient, database_state: AsyncEngine
) -> None:
    this = month_start(0) + timedelta(hours=10)
    day = timedelta(days=1)
    await seed(database_state, "A", this, closed=this + day, expected=this + 2 * day)  # on time
    await seed(database_state, "B", this, closed=this + 3 * day, expected=this + day)  # late
    await seed(database_state, "C", this + timedelta(hours=1))  # still open
    # 23:30 on the last day of last month in the city is already this month in UTC.
    await seed(database_state, "D", month_start(0) - timedelta(minutes=30))
    two_back = month_start(2) + 4 * day
    await seed(database_state, "E", two_back, closed=two_back + day)  # no expected date
    await seed(database_state, "F", month_start(12) + day, closed=month_start(12) + 2 * day)
    await seed(database_state, "G", this, closed=this + day / 2, expected=this + day,
               service="sw-dirty-alley")  # fmt: skip

    body = await card(client)
    transportation = figures(body, "transportation")
    assert transportation["name"] == "Transportation"
    assert transportation["total"] == {
        "opened": 5,  # A, B, C, D, E: F is 13 months ago
        "closed": 3,  # A, B, E
        "sla_on_time_rate": 0.5,  # A of A and B; E had no expected date
        "median_days_to_close": 1.0,  # of 1, 3 and 1 days
        **NO_SURVEYS,
    }
    months = {m["month"]: m for m in transportation["months"]}
    assert months[label(0)] == {"month": label(0), "opened": 3, "closed": 2,
                                "sla_on_time_rate": 0.5, "median_days_to_close": 2.0,
                                **NO_SURVEYS}  # fmt: skip
    assert months[label(1)] == {"month": label(1), **EMPTY, "opened": 1}  # D
    assert months[label(2)] == {"month": label(2), "opened": 1, "closed": 1,
                                "sla_on_time_rate": None, "median_days_to_close": 1.0,
                                **NO_SURVEYS}  # fmt: skip
    waste = figures(body, "solid-waste")
    assert waste["total"] == {"opened": 1, "closed": 1, "sla_on_time_rate": 1.0,
                              "median_days_to_close": 0.5, **NO_SURVEYS}  # fmt: skip
    assert figures(body, "housing")["total"] == EMPTY


async def test_the_card_speaks_the_language_asked_for(client: httpx.AsyncClient) -> None:
    answer = await client.get(CARD, headers={"Accept-Language": "es"})
    assert answer.headers["content-language"] == "es"
    assert "accept-language" in answer.headers["vary"].lower()
    assert figures(answer.json(), "transportation")["name"] == "Transporte"
    english = await client.get(CARD, params={"lang": "en"}, headers={"Accept-Language": "es"})
    assert figures(english.json(), "transportation")["name"] == "Transportation"

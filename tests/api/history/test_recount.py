"""Independent recount: the Baltimore sample counted straight from its CSV, then compared with
the metrics API after `frontdoor import-requests --mapping baltimore` loaded it.

The recount uses the standard library only (csv, statistics, zoneinfo): no project code,
and not the mapping file either. Its tables restate on their own what a request of the
sample is in Frontdoor's terms:
- the channel, from `MethodReceived`;
- closed: the three `Closed…` statuses; hours to close: `CloseDate - CreatedDate`, both
  wall-clock times in Baltimore (America/New_York, the city's zone in the metrics too);
- the department: the demo catalog file's department for a type it has (`type_name`),
  else the department of the row's `Agency`, else the catch-all `imported`. No routing rule
  moves a request in the demo, and history keeps its department wherever its point lies.
"""

import csv
import gzip
import json
import os
import statistics
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.history.importer import import_requests
from adapters.history.mapping_files import load_mapping

REPO = Path(__file__).resolve().parents[3]
DATA = Path(os.environ.get("FRONTDOOR_SHARED_DATA", REPO.parent / "shared" / "data"))
SAMPLE = DATA / "service_requests" / "baltimore_311_sample_2014_2019.csv.gz"
CATALOG = REPO / "adapters" / "demo" / "catalog.json"
BALTIMORE = ZoneInfo("America/New_York")
WRITTEN = "%m/%d/%Y %I:%M:%S %p"

CHANNELS = {
    "Phone": "phone",
    "API": "api",
    "Internal": "internal",
    "System": "internal",
    "Other": "internal",
    "Mail": "letter",
    "Email": "email",
    "Web": "web",
}
CLOSED = {"Closed", "Closed (Duplicate)", "Closed (Transferred)"}
AGENCY_DEPARTMENTS = {
    "BGE": "bge",
    "Fire Department": "fire-department",
    "Health": "health",
    "Housing": "housing",
    "Recreation & Parks": "recreation-parks",
    "Solid Waste": "solid-waste",
    "Transportation": "transportation",
    "Water Wastewater": "water-wastewater",
}
# The whole sample, created 2014-01-01 to 2019-02-13 and closed by then, in one window.
WINDOW = {"from": "2014-01-01T00:00:00-05:00", "to": "2019-03-01T00:00:00-05:00"}


class Recount:
    """The figures, from the CSV alone."""

    def __init__(self) -> None:
        with gzip.open(SAMPLE, "rt", encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        with CATALOG.open(encoding="utf-8") as handle:
            types = {s["type_name"]: s["department"] for s in json.load(handle)["services"]}
        self.opened = len(rows)
        self.by_channel_month: Counter[tuple[str, str]] = Counter()
        self.by_department: Counter[str] = Counter()
        self.closed_by_month: Counter[str] = Counter()
        self.hours: list[float] = []
        self.hours_by_department: dict[str, list[float]] = {}
        for row in rows:
            created = datetime.strptime(row["CreatedDate"], WRITTEN)
            department = types.get(row["SRType"]) or AGENCY_DEPARTMENTS.get(
                row["Agency"], "imported"
            )
            self.by_channel_month[CHANNELS[row["MethodReceived"]], f"{created:%Y-%m}"] += 1
            self.by_department[department] += 1
            if row["SRStatus"] in CLOSED:
                closed = datetime.strptime(row["CloseDate"], WRITTEN)
                self.closed_by_month[f"{closed:%Y-%m}"] += 1
                hours = (_utc(closed) - _utc(created)).total_seconds() / 3600
                self.hours.append(hours)
                self.hours_by_department.setdefault(department, []).append(hours)

    @property
    def closed(self) -> int:
        return len(self.hours)


def _utc(wall_clock: datetime) -> datetime:
    return wall_clock.replace(tzinfo=BALTIMORE).astimezone(ZoneInfo("UTC"))


@pytest.fixture(scope="module")
def recount() -> Recount:
    return Recount()


@pytest.fixture
def database_state(seeded_with_layers: AsyncEngine) -> AsyncEngine:
    return seeded_with_layers


@pytest.fixture
async def imported(database_state: AsyncEngine) -> None:
    summary = await import_requests(database_state, SAMPLE, load_mapping("baltimore"))
    assert (summary.imported, summary.bad) == (10_000, [])


async def metrics(
    client: httpx.AsyncClient, who: dict[str, str], path: str, **params: str
) -> dict[str, Any]:
    answer = await client.get(f"/api/v1/metrics/{path}", params={**WINDOW, **params}, headers=who)
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


def by_key(series: dict[str, Any]) -> dict[str, Any]:
    """A one-bucket (`interval=total`) series as {key: value}."""
    return {s["key"]: s["values"][0] for s in series["series"] if s["values"][0]}


def by_key_and_month(series: dict[str, Any]) -> Counter[tuple[str, str]]:
    months = [bucket[:7] for bucket in series["buckets"]]
    return Counter(
        {
            (s["key"], month): value
            for s in series["series"]
            for month, value in zip(months, s["values"], strict=True)
            if value
        }
    )


async def test_the_summary_counts_opened_closed_and_the_median_hours_to_close(
    imported: None, client: httpx.AsyncClient, supervisor: dict[str, str], recount: Recount
) -> None:
    requests = (await metrics(client, supervisor, "summary"))["requests"]
    assert requests["opened"] == recount.opened == 10_000
    assert requests["closed"] == recount.closed == 9_792
    assert requests["hours_to_close"]["p50"] == statistics.median(recount.hours)


async def test_requests_by_channel_and_month_and_closed_by_month(
    imported: None, client: httpx.AsyncClient, supervisor: dict[str, str], recount: Recount
) -> None:
    opened = await metrics(
        client, supervisor, "requests", interval="month", group_by="channel", measure="opened"
    )
    assert by_key_and_month(opened) == recount.by_channel_month
    closed = await metrics(client, supervisor, "requests", interval="month", measure="closed")
    assert {month: n for (_, month), n in by_key_and_month(closed).items()} == dict(
        recount.closed_by_month
    )


async def test_requests_and_median_hours_to_close_by_department(
    imported: None, client: httpx.AsyncClient, supervisor: dict[str, str], recount: Recount
) -> None:
    opened = await metrics(
        client, supervisor, "requests", interval="total", group_by="department", measure="opened"
    )
    assert by_key(opened) == dict(recount.by_department)
    medians = await metrics(
        client,
        supervisor,
        "sla",
        interval="total",
        group_by="department",
        measure="hours_to_close_p50",
    )
    assert by_key(medians) == {
        department: statistics.median(hours)
        for department, hours in recount.hours_by_department.items()
    }

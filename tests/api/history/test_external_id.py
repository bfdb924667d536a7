"""Staff find an imported request by the source's id: `GET /api/v1/requests?external_id=`."""

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.history.importer import import_requests
from adapters.history.mapping_files import load_mapping
from tests.shared_data import SHARED_DATA

SAMPLE = SHARED_DATA / "service_requests" / "baltimore_311_sample_2014_2019.csv.gz"
# Rows of the sample: a Solid Waste dirty alley and a Transportation traffic signal repair.
DIRTY_ALLEY, TRAFFIC_SIGNAL = "18-00275429", "18-00269879"


async def test_an_exact_external_id_finds_the_imported_request_within_reach(
    seeded: AsyncEngine,
    client: httpx.AsyncClient,
    agent: dict[str, str],
    staff: dict[str, str],
) -> None:
    await import_requests(seeded, SAMPLE, load_mapping("baltimore"))

    found = await client.get("/api/v1/requests", params={"external_id": DIRTY_ALLEY}, headers=agent)
    assert found.status_code == 200, found.text
    [item] = found.json()["items"]
    assert (item["external_id"], item["service_code"]) == (DIRTY_ALLEY, "sw-dirty-alley")
    assert item["requested_at"] == "2018-04-16T09:30:13Z"  # 05:30:13 AM in Baltimore

    partial = await client.get("/api/v1/requests", params={"external_id": "18-0027"}, headers=agent)
    assert partial.json()["items"] == []
    # Transportation staff see their department's request, not Solid Waste's.
    theirs = await client.get(
        "/api/v1/requests", params={"external_id": TRAFFIC_SIGNAL}, headers=staff
    )
    assert [i["external_id"] for i in theirs.json()["items"]] == [TRAFFIC_SIGNAL]
    other = await client.get("/api/v1/requests", params={"external_id": DIRTY_ALLEY}, headers=staff)
    assert other.json()["items"] == []


async def test_an_overlong_external_id_is_refused(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    answer = await client.get("/api/v1/requests", params={"external_id": "x" * 201}, headers=agent)
    assert answer.status_code == 422
    assert answer.headers["content-type"].startswith("application/problem+json")


async def test_an_imported_request_reads_like_any_other(
    seeded: AsyncEngine, client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    """No reporter, no timeline entries: the page, its timeline and Open311 still answer."""
    await import_requests(seeded, SAMPLE, load_mapping("baltimore"))
    found = await client.get("/api/v1/requests", params={"external_id": DIRTY_ALLEY}, headers=agent)
    request_id = found.json()["items"][0]["id"]

    page = await client.get(f"/api/v1/requests/{request_id}", headers=agent)
    timeline = await client.get(f"/api/v1/requests/{request_id}/timeline", headers=agent)
    public = await client.get(f"/open311/v2/requests/{request_id}.json")

    assert page.status_code == timeline.status_code == public.status_code == 200
    assert page.json()["status"] == "closed" and page.json()["close_reason"] == "resolved"
    assert public.json()[0]["status"] == "closed"

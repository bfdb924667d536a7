"""Staff exports: who may export, the list's own filters, both formats, and streaming in pages."""

import tracemalloc
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.read_models import request_batches as batches_module
from adapters.db.read_models.request_batches import request_batches
from api.bootstrap import Container
from api.bulk_formats import csv_body
from api.request_exports import COLUMNS, staff_rows
from domain.requests.queries import RequestFilter
from tests.api.conftest import BALTIMORE, pothole_body
from tests.api.open311.open311_support import DEMO_KEY, PARTNER_KEY
from tests.api.open_data.support import (
    EXPORTS,
    csv_header,
    ids_of,
    open_request,
    post_with_etag,
    read_csv,
    read_geojson,
    seed_requests,
)

LIST = "/api/v1/requests"


async def listed(client: httpx.AsyncClient, who: dict[str, str], params: Any) -> list[str]:
    answer = await client.get(LIST, params=[*params, ("limit", "200")], headers=who)
    assert answer.status_code == 200, answer.text
    assert answer.json()["next_cursor"] is None
    return [item["id"] for item in answer.json()["items"]]


async def test_exports_are_for_signed_in_people(client: httpx.AsyncClient) -> None:
    for suffix in ("csv", "geojson"):
        anonymous = await client.get(f"{EXPORTS}.{suffix}")
        assert anonymous.status_code == 401
        assert anonymous.headers["content-type"] == "application/problem+json"
        resident_app = await client.get(f"{EXPORTS}.{suffix}", headers={"X-API-Key": DEMO_KEY})
        assert resident_app.status_code == 401  # an Open311 client's key opens no staff API
        partner = await client.get(f"{EXPORTS}.{suffix}", headers={"X-API-Key": PARTNER_KEY})
        assert partner.status_code == 403, partner.text  # a system reads the change feed
        assert partner.headers["content-type"] == "application/problem+json"


async def test_department_staff_export_their_own_department_only(
    client: httpx.AsyncClient, agent: dict[str, str], staff: dict[str, str]
) -> None:
    pothole = (await open_request(client, agent, **pothole_body()))["id"]
    alley = (await open_request(client, agent))["id"]
    for suffix in ("csv", "geojson"):
        mine = await client.get(f"{EXPORTS}.{suffix}", headers=staff)
        everyone = await client.get(f"{EXPORTS}.{suffix}", headers=agent)
        if suffix == "csv":
            assert ids_of(read_csv(mine)) == [pothole]
            assert ids_of(read_csv(everyone)) == [alley, pothole]
        else:
            assert [f["properties"]["id"] for f in read_geojson(mine)["features"]] == [pothole]
            assert len(read_geojson(everyone)["features"]) == 2
    other = await client.get(f"{EXPORTS}.csv", params={"department": "solid-waste"}, headers=staff)
    assert read_csv(other) == []  # asking for another department widens nothing


async def test_exports_take_exactly_the_list_s_query_parameters(app: FastAPI) -> None:
    operations = {
        op["operationId"]: [p["name"] for p in op.get("parameters", []) if p["in"] == "query"]
        for path in app.openapi()["paths"].values()
        for op in path.values()
    }
    shared = [p for p in operations["list_requests"] if p not in ("limit", "cursor")]
    assert {"status", "q", "overdue", "due_soon", "updated_after"} <= set(shared)
    assert operations["export_requests_csv"] == shared
    assert operations["export_requests_geojson"] == shared


async def test_an_export_holds_what_the_list_holds_under_every_filter(
    client: httpx.AsyncClient, agent: dict[str, str], manager: dict[str, str]
) -> None:
    first = (
        await open_request(client, agent, **pothole_body(description="Deep hole by the curb"))
    )["id"]
    middle = datetime.now(UTC)
    second = (await open_request(client, agent, description="Overflowing alley"))["id"]
    third = (await open_request(client, agent, **pothole_body(description="Hole in the road")))[
        "id"
    ]
    await post_with_etag(client, manager, first, "/transitions", {"to": "acknowledged"})
    me = (await client.get("/api/v1/me", headers=manager)).json()
    etag = (await client.get(f"{LIST}/{third}", headers=manager)).headers["ETag"]
    assigned = await client.patch(
        f"{LIST}/{third}", json={"assignee_id": me["id"]}, headers={**manager, "If-Match": etag}
    )
    assert assigned.status_code == 200, assigned.text
    filters: list[list[tuple[str, str]]] = [
        [],
        [("status", "acknowledged")],
        [("status", "new"), ("status", "acknowledged")],
        [("service_code", "trm-pothole-repair,sw-dirty-alley")],
        [("service_code", "sw-dirty-alley")],
        [("department", "transportation")],
        [("assignee", me["id"])],
        [("created_from", middle.isoformat())],
        [("created_to", middle.isoformat())],
        [("updated_after", middle.isoformat())],
        [("q", "hole")],
        [("overdue", "true")],
        [("q", "hole"), ("status", "new"), ("department", "transportation")],
    ]
    everything = {first, second, third}
    for params in filters:
        expected = await listed(client, agent, params)
        exported = ids_of(
            read_csv(await client.get(f"{EXPORTS}.csv", params=params, headers=agent))
        )
        assert exported == expected, params
        geo = read_geojson(await client.get(f"{EXPORTS}.geojson", params=params, headers=agent))
        assert [f["properties"]["id"] for f in geo["features"]] == expected, params
        assert set(exported) <= everything
    assert await listed(client, agent, [("q", "hole")]) == [third, first]  # filters that bite
    assert await listed(client, agent, [("assignee", me["id"])]) == [third]
    assert await listed(client, agent, [("created_from", middle.isoformat())]) == [third, second]


async def test_bad_filters_are_refused_before_the_file_starts(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    for params in ({"updated_after": "0"}, {"updated_after": "yesterday"}, {"status": "lost"}):
        answer = await client.get(f"{EXPORTS}.csv", params=params, headers=agent)
        assert answer.status_code == 422, params
        assert answer.headers["content-type"] == "application/problem+json"
        assert "content-disposition" not in answer.headers


async def test_the_csv_has_every_column_and_the_geojson_the_point(
    client: httpx.AsyncClient, agent: dict[str, str], database_state: AsyncEngine
) -> None:
    created = await open_request(client, agent, **pothole_body(description="=HYPERLINK(1)"))
    await seed_requests(database_state, 1, lat="NULL", long="NULL")
    no_point = {"id": "X-00000001"}
    answer = await client.get(f"{EXPORTS}.csv", headers=agent)
    assert csv_header(answer) == list(COLUMNS)
    rows = {row["id"]: row for row in read_csv(answer)}
    row = rows[created["id"]]
    assert row["service_name"] == "Pothole"
    assert row["department"] == "transportation"
    assert row["status"] == "new"
    assert row["description"] == "'=HYPERLINK(1)"  # a spreadsheet shows it, never runs it
    assert (float(row["lat"]), float(row["long"])) == (BALTIMORE["lat"], BALTIMORE["long"])
    assert row["reporter_email"] == "rosa@example.net"  # staff see what the list shows
    assert row["requested_at"].endswith(("-05:00", "-04:00"))  # the city's time
    assert row["attributes"] == '{"pothole_size": "large"}'
    assert rows[no_point["id"]]["lat"] == ""
    disposition = answer.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="requests-') and disposition.endswith(
        '.csv"'
    )

    geo = read_geojson(await client.get(f"{EXPORTS}.geojson", headers=agent))
    features = {f["properties"]["id"]: f for f in geo["features"]}
    point = features[created["id"]]
    assert point["geometry"]["coordinates"] == [BALTIMORE["long"], BALTIMORE["lat"]]
    assert point["properties"]["description"] == "=HYPERLINK(1)"  # JSON is no spreadsheet
    assert "lat" not in point["properties"]
    assert features[no_point["id"]]["geometry"] is None


async def test_an_export_reads_the_list_in_pages_of_the_batch_size(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    container: Container,
    database_state: AsyncEngine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    await seed_requests(database_state, 250)
    asked: list[int] = []
    page = container.requests.page

    async def counted(f: RequestFilter) -> Any:
        asked.append(f.limit)
        return await page(f)

    monkeypatch.setattr(container.requests, "page", counted)
    monkeypatch.setattr(batches_module, "EXPORT_BATCH", 100)
    rows = read_csv(await client.get(f"{EXPORTS}.csv", headers=agent))
    assert asked == [100, 100, 100]
    assert ids_of(rows) == [f"X-{n:08d}" for n in range(1, 251)]  # newest first, each once


async def test_a_big_export_works(
    client: httpx.AsyncClient, agent: dict[str, str], database_state: AsyncEngine
) -> None:
    await seed_requests(database_state, 12_000)
    started = datetime.now(UTC)
    rows = read_csv(await client.get(f"{EXPORTS}.csv", headers=agent))
    took = datetime.now(UTC) - started
    assert len(rows) == 12_000 and len(set(ids_of(rows))) == 12_000
    assert took < timedelta(seconds=60)
    geo = read_geojson(await client.get(f"{EXPORTS}.geojson", headers=agent))
    assert len(geo["features"]) == 12_000


async def _peak_bytes(container: Container, f: RequestFilter, size: int) -> int:
    """The most memory held at once while the whole CSV is made and each piece dropped."""
    rows = staff_rows(request_batches(container.requests, f, size), {}, container.settings.zone)
    tracemalloc.start()
    try:
        async for _ in csv_body(COLUMNS, rows):
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


async def test_memory_stays_the_same_at_ten_times_the_size(
    container: Container, database_state: AsyncEngine
) -> None:
    await seed_requests(database_state, 500, status="'closed'")
    await seed_requests(database_state, 5_000, status="'new'", id="'Y-' || n")
    small = await _peak_bytes(container, RequestFilter(statuses=["closed"]), 250)
    large = await _peak_bytes(container, RequestFilter(statuses=["new"]), 250)
    print(f"peak bytes: 500 rows {small}, 5,000 rows {large}")
    assert large < small * 1.5, (small, large)

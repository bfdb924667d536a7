"""The public open-data feed: GeoReport bulk columns, descriptions only where allowed, places
as each service shows them, filters, and pages that a mirror can follow and poll."""

import re
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from api.open_data_rows import COLUMNS
from tests.api.conftest import pothole_body
from tests.api.open_data.support import (
    HOME_POINT,
    OPEN_DATA,
    csv_header,
    ids_of,
    open_request,
    post_with_etag,
    read_csv,
    read_geojson,
    seed_requests,
    set_service,
)

ID = "service_request_id"
NEXT = re.compile(r'^<(?P<url>[^>]+)>; rel="next"$')


@pytest.fixture
def database_state(seeded_with_layers: AsyncEngine) -> AsyncEngine:
    return seeded_with_layers  # neighbourhoods, for the `area` level


async def rows_of(client: httpx.AsyncClient, **params: Any) -> list[dict[str, str]]:
    return read_csv(await client.get(f"{OPEN_DATA}.csv", params=params))


def next_url(answer: httpx.Response) -> str | None:
    link = answer.headers.get("link")
    if link is None:
        return None
    found = NEXT.match(link)
    assert found is not None, link
    return found.group("url")


async def test_anyone_reads_the_georeport_bulk_columns_without_signing_in(
    client: httpx.AsyncClient, agent: dict[str, str], manager: dict[str, str]
) -> None:
    alley = await open_request(client, agent, description="Rats by the back door")
    pothole = await open_request(client, agent, **pothole_body())
    await post_with_etag(client, manager, pothole["id"], "/transitions",
                         {"to": "closed", "reason": "resolved", "note": "Patched."})  # fmt: skip
    answer = await client.get(f"{OPEN_DATA}.csv")
    assert answer.headers["cache-control"] == "public, max-age=60"
    assert csv_header(answer) == list(COLUMNS)
    assert not any("reporter" in column or "email" in column for column in COLUMNS)
    rows = {row[ID]: row for row in read_csv(answer)}
    row = rows[alley["id"]]
    assert row | {"requested_datetime": "", "updated_datetime": "", "expected_datetime": ""} == {
        ID: alley["id"],
        "status": "open",
        "status_notes": "",
        "service_code": "sw-dirty-alley",
        "service_name": "Dirty alley",
        "agency_responsible": "Solid Waste",
        "description": "",  # the service does not allow descriptions
        "requested_datetime": "",
        "updated_datetime": "",
        "expected_datetime": "",
        "closed_date": "",
        "source": "phone",
        "address": "2125 EASTERN AVE",
        "zipcode": "21231",
        "lat": str(HOME_POINT[0]),
        "long": str(HOME_POINT[1]),
        "location_precision": "exact",
    }
    assert row["requested_datetime"].endswith(("-05:00", "-04:00"))
    closed = rows[pothole["id"]]
    assert (closed["status"], closed["status_notes"], closed["source"]) == (
        "closed",
        "Patched.",
        "phone",
    )
    assert closed["closed_date"] != ""

    geo = read_geojson(await client.get(f"{OPEN_DATA}.geojson"))
    features = {f["properties"][ID]: f for f in geo["features"]}
    assert features[alley["id"]]["geometry"]["coordinates"] == [HOME_POINT[1], HOME_POINT[0]]
    assert features[pothole["id"]]["properties"]["closed_date"] == closed["closed_date"]
    assert set(features[alley["id"]]["properties"]) == set(COLUMNS) - {"lat", "long"}


async def test_descriptions_come_only_from_services_that_allow_them(
    client: httpx.AsyncClient, agent: dict[str, str], admin: dict[str, str]
) -> None:
    services = (await client.get("/api/v1/services", headers=agent)).json()["items"]
    assert services and not any(s["open_data_descriptions"] for s in services)  # the demo
    said = "Rats by the back door, call Ana Ruiz at 410-555-0177"
    reporter = {"first_name": "Ana", "last_name": "Ruiz"}
    alley = await open_request(client, agent, description=said, reporter=reporter)
    pothole = await open_request(client, agent, **pothole_body(description="Deep hole"))
    assert [r["description"] for r in await rows_of(client)] == ["", ""]

    changed = await set_service(client, admin, "sw-dirty-alley", open_data_descriptions=True)
    assert changed["open_data_descriptions"] is True
    rows = {r[ID]: r["description"] for r in await rows_of(client)}
    assert rows == {
        alley["id"]: "Rats by the back door, call [name hidden] [name hidden] at [phone hidden]",
        pothole["id"]: "",
    }
    # Masked even where the service lets Open311 show text as it is: a bulk file goes far.
    await set_service(client, admin, "sw-dirty-alley", mask_personal_data=False)
    geo = read_geojson(await client.get(f"{OPEN_DATA}.geojson"))
    shown = {f["properties"][ID]: f["properties"]["description"] for f in geo["features"]}
    assert shown[alley["id"]] == rows[alley["id"]]
    assert shown[pothole["id"]] is None


async def test_places_follow_each_service_s_public_location(
    client: httpx.AsyncClient, agent: dict[str, str], admin: dict[str, str]
) -> None:
    await set_service(client, admin, "sw-dirty-alley", public_location="block")
    block = await open_request(client, agent)
    await set_service(client, admin, "sw-dirty-street", public_location="area")
    area = await open_request(client, agent, service_code="sw-dirty-street")
    neighbourhood = next(a["name"] for a in area["areas"] if a["layer"] == "neighborhoods")
    csv_answer = await client.get(f"{OPEN_DATA}.csv")
    geo_answer = await client.get(f"{OPEN_DATA}.geojson")
    for body in (csv_answer.text, geo_answer.text):
        assert "2125" not in body and "39.285731" not in body and "-76.585982" not in body
    rows = {row[ID]: row for row in read_csv(csv_answer)}
    shown = rows[block["id"]]
    assert (shown["address"], shown["lat"], shown["long"]) == (
        "2100 block of EASTERN AVE", "39.285", "-76.585")  # fmt: skip
    assert (shown["zipcode"], shown["location_precision"]) == ("21231", "block")
    shown = rows[area["id"]]
    assert (shown["address"], shown["location_precision"]) == (neighbourhood, "area")
    point = (float(shown["lat"]), float(shown["long"]))
    assert point != HOME_POINT
    features = {f["properties"][ID]: f for f in read_geojson(geo_answer)["features"]}
    assert features[area["id"]]["geometry"]["coordinates"] == [point[1], point[0]]
    assert features[block["id"]]["geometry"]["coordinates"] == [-76.585, 39.285]
    assert features[block["id"]]["properties"]["address"] == "2100 block of EASTERN AVE"


async def test_a_mirror_follows_the_pages_then_polls_for_changes(
    client: httpx.AsyncClient, agent: dict[str, str], manager: dict[str, str]
) -> None:
    made = [(await open_request(client, agent, **pothole_body()))["id"] for _ in range(5)]
    url: str | None = f"{OPEN_DATA}.csv?limit=2"
    seen: list[str] = []
    pages = 0
    last = url
    while url is not None:
        answer = await client.get(url)
        seen += ids_of(read_csv(answer), ID)
        pages += 1
        last, url = url, next_url(answer)
    assert seen == made  # oldest change first, each once
    assert pages == 4  # 2 + 2 + 1, then an empty page with no next link
    assert "after_id=" in last and "limit=2" in last

    await post_with_etag(client, manager, made[1], "/transitions", {"to": "acknowledged"})
    polled = await client.get(last)
    assert ids_of(read_csv(polled), ID) == [made[1]]
    again = await client.get(next_url(polled) or "")
    assert read_csv(again) == [] and next_url(again) is None


async def test_ties_on_the_update_time_are_paged_by_id(
    client: httpx.AsyncClient, database_state: AsyncEngine
) -> None:
    same = "timestamptz '2026-11-02 10:00:00+00'"  # rows 1-3 at 10:00:00, 4-5 a second later
    await seed_requests(database_state, 5, updated_at=f"{same} + (n / 4) * interval '1 second'")
    first = await client.get(f"{OPEN_DATA}.geojson", params={"limit": 2})
    collection = read_geojson(first)
    link = collection["links"][0]["href"]
    assert link == next_url(first)
    assert "updated_after=2026-11-02T10%3A00%3A00Z" in link and "after_id=X-00000002" in link
    second = read_geojson(await client.get(link))
    ids = [f["properties"][ID] for f in collection["features"] + second["features"]]
    assert ids == ["X-00000001", "X-00000002", "X-00000003", "X-00000004"]
    since = await rows_of(client, updated_after="2026-11-02T10:00:00Z")
    assert ids_of(since, ID) == ["X-00000004", "X-00000005"]
    since = await rows_of(client, updated_after="2026-11-02T05:00:01-05:00", after_id="X-00000004")
    assert ids_of(since, ID) == ["X-00000005"]


async def test_filters_by_request_time_service_and_status(
    client: httpx.AsyncClient, database_state: AsyncEngine
) -> None:
    at = "timestamptz '2026-10-01 00:00:00-04:00' + (n - 1) * interval '1 day'"
    await seed_requests(database_state, 4, requested_at=at, updated_at=at)
    await seed_requests(
        database_state, 2, "sw-dirty-alley", id="'A-' || n", status="'closed'",
        requested_at=at, updated_at=at, closed_at=at,
    )  # fmt: skip
    window = {"from": "2026-10-02T00:00:00-04:00", "to": "2026-10-04T04:00:00Z"}
    assert ids_of(await rows_of(client, **window), ID) == ["A-2", "X-00000002", "X-00000003"]
    assert ids_of(await rows_of(client, service_code="sw-dirty-alley"), ID) == ["A-1", "A-2"]
    closed = await rows_of(
        client, status="closed", service_code="sw-dirty-alley,trm-pothole-repair"
    )
    assert ids_of(closed, ID) == ["A-1", "A-2"]
    assert len(await rows_of(client, status="open")) == 4


async def test_bad_parameters_are_problems(client: httpx.AsyncClient) -> None:
    for params in (
        {"updated_after": "2026-11-02T10:00:00"},  # no offset: which time?
        {"updated_after": "yesterday"},
        {"after_id": "X-1"},
        {"limit": "0"},
        {"limit": "10001"},
        {"status": "lost"},
        {"from": "2026-13-01T00:00:00Z"},
    ):
        answer = await client.get(f"{OPEN_DATA}.csv", params=params)
        assert answer.status_code == 422, params
        assert answer.headers["content-type"] == "application/problem+json"

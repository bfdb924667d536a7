"""The intake map's reference layer without tiles: streets and address points from our API."""

import json

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

STREETS = "/api/v1/map/streets"
ADDRESSES = "/api/v1/map/addresses"
CITY = "-76.72,39.19,-76.52,39.38"  # all of Baltimore, as the map first shows it (zoom 12)
FELLS_POINT = "-76.5900,39.2840,-76.5820,39.2880"  # around 2125 Eastern Ave, zoom 17


@pytest.fixture
def database_state(seeded_with_layers: AsyncEngine) -> AsyncEngine:
    return seeded_with_layers


def coordinates(feature: dict[str, object]) -> list[list[float]]:
    geometry = feature["geometry"]
    assert isinstance(geometry, dict)
    lines = geometry["coordinates"]
    return (
        [point for line in lines for point in line]
        if geometry["type"] == "MultiLineString"
        else lines
    )


async def test_the_whole_city_shows_its_main_roads_and_stays_light(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    answer = await client.get(STREETS, params={"bbox": CITY, "zoom": 12}, headers=agent)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/geo+json"
    assert len(answer.content) < 100_000  # about 67 KB
    body = answer.json()
    assert body["type"] == "FeatureCollection"
    assert "Baltimore City" in body["attribution"]
    ranks = {feature["properties"]["rank"] for feature in body["features"]}
    assert ranks == {1, 2}
    names = {feature["properties"]["name"] for feature in body["features"]}
    assert {"N CHARLES ST", "RUSSELL ST"} <= names


async def test_a_close_view_has_every_through_road_cut_to_the_view_with_its_name(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    answer = await client.get(STREETS, params={"bbox": FELLS_POINT, "zoom": 17}, headers=agent)
    features = answer.json()["features"]
    eastern = next(f for f in features if f["properties"]["name"] == "EASTERN AVE")
    label = eastern["properties"]["label"]
    assert -76.5900 <= label["long"] <= -76.5820 and 39.2840 <= label["lat"] <= 39.2880
    assert abs(label["angle"]) < 10  # Eastern Avenue runs east-west
    for feature in features:
        for long, lat in coordinates(feature):
            assert -76.5921 <= long <= -76.5799 and 39.2829 <= lat <= 39.2891  # view + margin
    assert len(answer.content) < 20_000


async def test_far_out_there_are_no_streets(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    answer = await client.get(STREETS, params={"bbox": CITY, "zoom": 10}, headers=agent)
    assert answer.json()["features"] == []


async def test_address_points_come_at_close_zoom(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    answer = await client.get(ADDRESSES, params={"bbox": FELLS_POINT, "zoom": 17}, headers=agent)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["truncated"] is False
    marks = {f["properties"]["address"]: f for f in body["features"]}
    assert marks["2125 EASTERN AVE"]["properties"]["house_number"] == "2125"
    assert marks["2125 EASTERN AVE"]["geometry"] == {
        "type": "Point",
        "coordinates": [-76.585982, 39.285731],
    }
    far = await client.get(ADDRESSES, params={"bbox": FELLS_POINT, "zoom": 15}, headers=agent)
    assert far.status_code == 422
    wide = await client.get(ADDRESSES, params={"bbox": CITY, "zoom": 18}, headers=agent)
    assert wide.status_code == 422


@pytest.mark.parametrize("bbox", ["", "1,2,3", "-76.5,39.3,-76.6,39.4", "x" * 121])
async def test_a_bad_view_is_refused(
    client: httpx.AsyncClient, agent: dict[str, str], bbox: str
) -> None:
    for path in (STREETS, ADDRESSES):
        answer = await client.get(path, params={"bbox": bbox, "zoom": 17}, headers=agent)
        assert answer.status_code == 422, answer.text
        assert answer.headers["content-type"] == "application/problem+json"


async def test_the_reference_layer_needs_a_sign_in(client: httpx.AsyncClient) -> None:
    answer = await client.get(STREETS, params={"bbox": CITY, "zoom": 12})
    assert answer.status_code == 401
    assert json.loads(answer.content)["status"] == 401

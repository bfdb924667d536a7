"""The demo boundaries that `make run` loads: Baltimore City served, Maryland refers."""

import re

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.conftest import BALTIMORE, pothole_body

TOWSON = {"lat": 39.4015, "long": -76.6019}  # Baltimore County seat, outside the city
ROCKVILLE = {"lat": 39.0840, "long": -77.1528}  # an incorporated city in Montgomery County
BETHESDA = {"lat": 38.9847, "long": -77.0947}  # unincorporated Montgomery County


@pytest.fixture
def database_state(seeded_with_layers: AsyncEngine) -> AsyncEngine:
    return seeded_with_layers


async def resolve(
    client: httpx.AsyncClient, headers: dict[str, str], point: dict[str, float]
) -> dict[str, object]:
    answer = await client.get(
        "/api/v1/jurisdictions/resolve",
        params={**point, "service_code": "trm-pothole-repair"},
        headers=headers,
    )
    assert answer.status_code == 200, answer.text
    body: dict[str, object] = answer.json()
    return body


async def test_the_demo_layers_are_loaded(client: httpx.AsyncClient, agent: dict[str, str]) -> None:
    layers = (await client.get("/api/v1/jurisdictions/layers", headers=agent)).json()["items"]
    assert {(layer["slug"], layer["role"], layer["area_count"]) for layer in layers} == {
        ("baltimore-city", "served", 1),
        ("council-districts", "info", 14),
        ("neighborhoods", "info", 278),
        ("maryland-counties", "refer", 23),
        ("maryland-municipalities", "refer", 156),  # 173 Census rows, one per county touched
    }


async def test_a_point_in_baltimore_goes_to_the_department(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    body = await resolve(client, agent, {"lat": BALTIMORE["lat"], "long": BALTIMORE["long"]})
    assert body["responsible"] == {
        "kind": "department",
        "department": "transportation",
        "referral": None,
    }
    layers = {area["layer"] for area in body["areas"]}  # type: ignore[attr-defined]
    assert layers == {"baltimore-city", "council-districts", "neighborhoods"}
    assert "Transportation" in str(body["explanation"])


async def test_a_point_in_baltimore_county_is_referred_to_the_county(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    body = await resolve(client, agent, TOWSON)
    assert body["responsible"] == {
        "kind": "referral",
        "department": None,
        "referral": {
            "name": "Baltimore County government",
            "phone": "410-555-0101",
            "url": "https://www.example.org/maryland/baltimore-county",
            "email": None,
        },
    }


async def test_every_referral_target_has_a_phone_and_a_web_address_to_read_out(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    """The sources have no contacts: the demo's are sample content, in ranges kept for fiction
    (555-0100 to 555-0199, example.org), one number per target."""
    phones = []
    for layer in ("maryland-counties", "maryland-municipalities"):
        answer = await client.get(
            "/api/v1/jurisdictions", params={"layer": layer, "limit": 1000}, headers=agent
        )
        for area in answer.json()["items"]:
            contact = area["contact"]
            assert contact["name"] == f"{area['name']} government"
            assert re.fullmatch(r"(410|443|667|301|240)-555-01\d\d", contact["phone"]), contact
            assert contact["url"].startswith("https://www.example.org/maryland/"), contact
            phones.append(contact["phone"])
    assert len(phones) == 23 + 156
    assert len(set(phones)) == len(phones)


async def test_municipalities_refer_to_their_own_government(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    rockville = await resolve(client, agent, ROCKVILLE)
    assert rockville["responsible"]["referral"]["name"] == "Rockville city government"  # type: ignore[index]
    bethesda = await resolve(client, agent, BETHESDA)
    assert bethesda["responsible"]["referral"]["name"] == "Montgomery County government"  # type: ignore[index]


async def test_a_request_outside_the_city_is_refused_with_the_referral(
    client: httpx.AsyncClient, agent: dict[str, str], seeded_with_layers: AsyncEngine
) -> None:
    body = pothole_body(location=TOWSON)
    answer = await client.post("/api/v1/requests", json=body, headers=agent)
    assert answer.status_code == 422
    assert answer.headers["content-type"] == "application/problem+json"
    problem = answer.json()
    assert problem["type"] == "urn:frontdoor:problem:out-of-jurisdiction"
    assert problem["referral"]["name"] == "Baltimore County government"
    async with seeded_with_layers.connect() as db:
        assert await db.scalar(text("SELECT count(*) FROM service_requests")) == 0


async def test_a_request_in_the_city_keeps_its_areas(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    created = await client.post("/api/v1/requests", json=pothole_body(), headers=agent)
    assert created.status_code == 201, created.text
    areas = created.json()["areas"]
    assert [a["layer"] for a in areas] == ["baltimore-city", "council-districts", "neighborhoods"]
    assert created.json()["department"] == "transportation"

"""Where a resident is: address suggestions as they type, and at a point whether we serve it
and, if not, whom to contact instead (in their language)."""

from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.conftest import BALTIMORE
from tests.api.public.support import read

TOWSON = {"lat": 39.4015, "lon": -76.6019}  # Baltimore County, outside the city
ATLANTIC = {"lat": 30.0, "lon": -60.0}  # no government we know of


@pytest.fixture
def database_state(seeded_with_layers: AsyncEngine) -> AsyncEngine:
    return seeded_with_layers  # Baltimore City served, Maryland refers


async def test_typed_addresses_get_suggestions_with_a_point(client: httpx.AsyncClient) -> None:
    """Addresses are the same in every language: the answer is in none."""
    found = await read(client, "/addresses", None, q="2125 eastern av")
    assert found[0] == {"label": "2125 EASTERN AVE, 21231", "lat": 39.285731, "lon": -76.585982}
    assert all(set(item) == {"label", "lat", "lon"} for item in found)
    assert len(await read(client, "/addresses", None, q="eastern ave", limit=2)) == 2
    assert await read(client, "/addresses", None, q="zzzz qqqq") == []


async def test_a_point_in_the_city_is_served_with_its_nearest_address(
    client: httpx.AsyncClient,
) -> None:
    for lang in ("en", "es"):
        here = await read(client, "/locate", lang, lat=39.285731, lon=-76.585982)
        assert here == {"served": True, "address": "2125 EASTERN AVE, 21231", "referral": None}
        city = await read(client, "/locate", lang, lat=BALTIMORE["lat"], lon=BALTIMORE["long"])
        assert city["served"] is True and city["referral"] is None


async def test_a_point_outside_gets_the_referral_in_the_visitor_s_language(
    client: httpx.AsyncClient,
) -> None:
    english = await read(client, "/locate", "en", **TOWSON)
    assert english["served"] is False
    assert english["address"] is None
    referral = english["referral"]
    assert {k: referral[k] for k in ("name", "phone", "url", "email")} == {
        "name": "Baltimore County government",
        "phone": "410-555-0101",
        "url": "https://www.example.org/maryland/baltimore-county",
        "email": None,
    }
    assert "Baltimore County government" in referral["note"]
    assert referral["note"].startswith("This place is not served by us")
    spanish = await read(client, "/locate", "es", **TOWSON)
    assert spanish["referral"]["phone"] == "410-555-0101"
    assert spanish["referral"]["note"].startswith("No atendemos este lugar")
    assert spanish["referral"]["name"] in spanish["referral"]["note"]
    nowhere = await read(client, "/locate", "es", **ATLANTIC)
    assert nowhere["served"] is False
    assert nowhere["referral"]["name"] is None
    assert nowhere["referral"]["note"].startswith("Este lugar está fuera")


async def test_a_service_routed_elsewhere_is_not_served_there(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    rule = {
        "priority": 1,
        "service_code": "trm-pothole-repair",
        "referral": {"name": "State Highway Administration", "phone": "410-555-0150"},
    }
    answer = await client.post("/api/v1/jurisdictions/rules", json=rule, headers=admin)
    assert answer.status_code == 201, answer.text
    point: dict[str, Any] = {"lat": BALTIMORE["lat"], "lon": BALTIMORE["long"]}
    pothole = await read(client, "/locate", service_code="trm-pothole-repair", **point)
    assert pothole["served"] is False
    assert pothole["referral"]["name"] == "State Highway Administration"
    alley = await read(client, "/locate", service_code="sw-dirty-alley", **point)
    assert alley["served"] is True

"""Open311 on the demo boundaries: a point outside the city is refused with the referral."""

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.open311.open311_support import DEMO_KEY, V2, counts

TOWSON = {"lat": "39.4015", "long": "-76.6019"}  # Baltimore County, outside the city
CITY_HALL = {"lat": "39.2904", "long": "-76.6122"}


@pytest.fixture
def database_state(seeded_with_layers: AsyncEngine) -> AsyncEngine:
    return seeded_with_layers


async def test_out_of_jurisdiction_is_400_with_the_referral(
    client: httpx.AsyncClient, seeded_with_layers: AsyncEngine
) -> None:
    before = await counts(seeded_with_layers)
    form = {
        "api_key": DEMO_KEY,
        "service_code": "trm-pothole-repair",
        "attribute[pothole_size]": "small",
        **TOWSON,
    }
    answer = await client.post(f"{V2}/requests.json", data=form)
    assert answer.status_code == 400, answer.text
    [error] = answer.json()
    assert error["code"] == 400
    assert "Baltimore County government" in error["description"]
    assert await counts(seeded_with_layers) == before
    inside = await client.post(f"{V2}/requests.json", data={**form, **CITY_HALL})
    assert inside.status_code == 200, inside.text
    request_id = inside.json()[0]["service_request_id"]
    body = (await client.get(f"{V2}/requests/{request_id}.json?extensions=true")).json()
    areas = body[0]["extended_attributes"]["areas"]
    assert "neighborhoods" in {area["layer"] for area in areas}


async def test_services_at_a_point_outside_the_city_are_none(client: httpx.AsyncClient) -> None:
    outside = (await client.get(f"{V2}/services.json", params=TOWSON)).json()
    inside = (await client.get(f"{V2}/services.json", params=CITY_HALL)).json()
    assert outside == [] and len(inside) > 20

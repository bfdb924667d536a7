"""With the demo's boundary layers: a place the city does not serve says whom to call."""

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.public.conftest import report_body, send_report, written
from tests.problems import problem

TOWSON = {"lat": 39.4015, "lon": -76.6019}  # Baltimore County seat, outside the city


@pytest.fixture
def database_state(seeded_with_layers: AsyncEngine) -> AsyncEngine:
    return seeded_with_layers


async def test_a_point_outside_the_city_is_refused_with_the_referral_in_spanish(
    client: httpx.AsyncClient, engine: AsyncEngine
) -> None:
    before = await written(engine)
    body = await report_body(client, **TOWSON, address=None, language="es")

    found = problem(await send_report(client, body), 422)

    (error,) = found["errors"]
    assert error["field"] == "address"
    assert error["code"] == "out_of_jurisdiction"
    assert "no atiende" in error["message"]
    assert found["referral"]["name"] == "Baltimore County government"
    assert await written(engine) == before

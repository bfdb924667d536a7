"""Boundary layers and referral targets in the language asked for, and their translations
written by admins. The demo boundaries are loaded (Baltimore served, Maryland refers)."""

from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.conftest import Login

TOWSON = {"lat": 39.4015, "long": -76.6019}  # Baltimore County
ROCKVILLE = {"lat": 39.0840, "long": -77.1528}  # an incorporated city in Montgomery County
SPANISH = {"Accept-Language": "es"}
NEIGHBORHOODS_ES = "/api/v1/jurisdictions/layers/neighborhoods/translations/es"


@pytest.fixture
def database_state(seeded_with_layers: AsyncEngine) -> AsyncEngine:
    return seeded_with_layers


async def referral_name(
    client: httpx.AsyncClient, headers: dict[str, str], point: dict[str, float]
) -> Any:
    answer = await client.get(
        "/api/v1/jurisdictions/resolve",
        params={**point, "service_code": "trm-pothole-repair"},
        headers=headers,
    )
    assert answer.status_code == 200, answer.text
    return answer.json()["responsible"]["referral"]["name"]


async def layer_names(client: httpx.AsyncClient, headers: dict[str, str]) -> dict[str, str]:
    answer = await client.get("/api/v1/jurisdictions/layers", headers=headers)
    assert answer.status_code == 200, answer.text
    return {layer["slug"]: layer["name"] for layer in answer.json()["items"]}


async def baltimore_county_area(client: httpx.AsyncClient, headers: dict[str, str]) -> int:
    answer = await client.get(
        "/api/v1/jurisdictions", params={"layer": "maryland-counties"}, headers=headers
    )
    return int(next(a["id"] for a in answer.json()["items"] if a["code"] == "24005"))


async def test_layers_are_named_in_the_language_asked_for(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    spanish = await layer_names(client, {**agent, **SPANISH})
    assert spanish == {
        "baltimore-city": "Ciudad de Baltimore",
        "council-districts": "Distritos del Concejo Municipal (2012)",
        "neighborhoods": "Barrios",
        "maryland-counties": "Condados de Maryland",
        "maryland-municipalities": "Municipios incorporados de Maryland",
    }
    assert (await layer_names(client, agent))["neighborhoods"] == "Neighborhoods"


async def test_referral_targets_are_named_in_the_language_asked_for(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    assert await referral_name(client, {**agent, **SPANISH}, TOWSON) == (
        "Gobierno del condado de Baltimore"
    )
    assert await referral_name(client, {**agent, **SPANISH}, ROCKVILLE) == (
        "Gobierno municipal de Rockville"
    )
    assert await referral_name(client, agent, TOWSON) == "Baltimore County government"


async def test_a_batch_of_points_names_its_referrals_in_one_language(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    body = {"points": [TOWSON, ROCKVILLE, {"lat": 39.2904, "long": -76.6122}]}
    answer = await client.post(
        "/api/v1/jurisdictions/resolve", json=body, headers={**agent, **SPANISH}
    )
    assert answer.status_code == 200, answer.text
    names = [(r["responsible"]["referral"] or {}).get("name") for r in answer.json()["results"]]
    assert names == ["Gobierno del condado de Baltimore", "Gobierno municipal de Rockville", None]
    assert answer.headers["content-language"] == "es"


async def test_an_admin_names_a_layer_and_a_referral_target(
    client: httpx.AsyncClient, admin: dict[str, str], agent: dict[str, str]
) -> None:
    answer = await client.put(NEIGHBORHOODS_ES, json={"name": "Vecindarios"}, headers=admin)
    assert answer.status_code == 200, answer.text
    assert (await layer_names(client, {**agent, **SPANISH}))["neighborhoods"] == "Vecindarios"
    area = await baltimore_county_area(client, agent)
    url = f"/api/v1/jurisdictions/{area}/translations/es"
    answer = await client.put(url, json={"name": "Condado de Baltimore"}, headers=admin)
    assert answer.status_code == 200, answer.text
    assert (await client.get(url, headers=agent)).json() == {
        "language": "es",
        "name": "Condado de Baltimore",
    }
    assert await referral_name(client, {**agent, **SPANISH}, TOWSON) == "Condado de Baltimore"
    assert (await client.delete(url, headers=admin)).status_code == 204
    assert await referral_name(client, {**agent, **SPANISH}, TOWSON) == (
        "Baltimore County government"
    )
    assert (await client.delete(NEIGHBORHOODS_ES, headers=admin)).status_code == 204
    assert (await layer_names(client, {**agent, **SPANISH}))["neighborhoods"] == "Neighborhoods"


async def test_unknown_layers_and_areas_are_404(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    for url in (
        "/api/v1/jurisdictions/layers/no-such-layer/translations/es",
        "/api/v1/jurisdictions/999999999/translations/es",
    ):
        answer = await client.put(url, json={"name": "Nada"}, headers=admin)
        assert answer.status_code == 404, url
        assert answer.headers["content-type"] == "application/problem+json"


async def test_only_admins_name_layers_and_referral_targets(
    client: httpx.AsyncClient, login: Login, agent: dict[str, str]
) -> None:
    area = await baltimore_county_area(client, agent)
    referral = f"/api/v1/jurisdictions/{area}/translations/es"
    for email in ("agent@example.org", "supervisor@example.org", "manager@example.org"):
        headers = await login(email)
        for url in (NEIGHBORHOODS_ES, referral):
            answer = await client.put(url, json={"name": "Otro"}, headers=headers)
            assert answer.status_code == 403, (email, url)
            assert (await client.delete(url, headers=headers)).status_code == 403
    assert await referral_name(client, {**agent, **SPANISH}, TOWSON) == (
        "Gobierno del condado de Baltimore"
    )

"""The portal's reads answer without a token, in English and Spanish (a first pass; the
dedicated test modules go deeper)."""

import httpx

from tests.api.conftest import pothole_body

PUBLIC = "/api/v1/public"


async def test_every_read_answers_without_a_token_in_both_languages(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    created = await client.post("/api/v1/requests", json=pothole_body(), headers=agent)
    assert created.status_code == 201, created.text
    number = created.json()["id"]
    for lang, words in (("en", "pothole"), ("es", "bache")):
        params = {"lang": lang}
        search = await client.get(f"{PUBLIC}/search", params={**params, "q": words})
        assert search.status_code == 200, search.text
        assert search.json()["articles"] and search.json()["services"]
        assert (await client.get(f"{PUBLIC}/articles", params=params)).status_code == 200
        services = await client.get(f"{PUBLIC}/services", params=params)
        assert services.status_code == 200 and services.json()
        requests = await client.get(f"{PUBLIC}/requests", params=params)
        assert number in [r["number"] for r in requests.json()]
        one = await client.get(f"{PUBLIC}/requests/{number}", params=params)
        assert one.status_code == 200 and one.json()["notes"]
        assert one.headers["content-language"] == lang

"""What the SPA reads about the installation before anyone signs in: the city's time zone."""

from dataclasses import replace

import httpx

from api.app import create_app
from api.bootstrap import Container
from api.settings import Settings


async def test_the_site_answers_the_configured_time_zone_without_a_token(
    client: httpx.AsyncClient,
) -> None:
    answer = await client.get("/api/v1/site")
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"time_zone": "America/New_York"}


async def test_another_citys_time_zone_comes_from_its_settings(
    settings: Settings, container: Container
) -> None:
    honolulu = settings.model_copy(update={"timezone": "Pacific/Honolulu"})
    app = create_app(honolulu, replace(container, settings=honolulu))
    app.state.container = replace(container, settings=honolulu)  # as the lifespan would
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        answer = await client.get("/api/v1/site")
    assert answer.json() == {"time_zone": "Pacific/Honolulu"}

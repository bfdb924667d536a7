"""API tests: the real app over httpx, on the real PostgreSQL, with the demo data loaded."""

from collections.abc import AsyncIterator, Awaitable, Callable

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.accounts import account_cache
from api.app import create_app
from api.bootstrap import Container, build_container
from api.settings import Settings

Login = Callable[[str], Awaitable[dict[str, str]]]


@pytest.fixture(scope="session")
def settings(database_url: str) -> Settings:
    # Tests change layers between tests: check the jurisdiction version on every resolve.
    return Settings(database_url=database_url, db_pool_size=5, index_check_seconds=0)


@pytest.fixture(scope="session")
async def container(settings: Settings) -> AsyncIterator[Container]:
    container = build_container(settings)
    yield container
    await container.close()


@pytest.fixture
def database_state(seeded: AsyncEngine) -> AsyncEngine:
    """The data every API test starts from; a module may override it (see test_demo_layers)."""
    return seeded


@pytest.fixture
def app(settings: Settings, container: Container, database_state: AsyncEngine) -> FastAPI:
    app = create_app(settings, container)
    app.state.container = container
    account_cache(container.engine).clear()  # the accounts were put back behind its back
    return app


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


@pytest.fixture(scope="session")
def token_cache() -> dict[str, dict[str, str]]:
    """Demo users keep their ids and token versions across tests, so their tokens stay valid:
    signing in once per run spares an argon2 check per test."""
    return {}


@pytest.fixture
def login(client: httpx.AsyncClient, token_cache: dict[str, dict[str, str]]) -> Login:
    """Returns the Authorization header of a demo user (password `frontdoor`)."""
    cache = token_cache

    async def headers_for(email: str) -> dict[str, str]:
        if email not in cache:
            answer = await client.post(
                "/api/v1/auth/token", data={"username": email, "password": "frontdoor"}
            )
            assert answer.status_code == 200, answer.text
            cache[email] = {"Authorization": f"Bearer {answer.json()['access_token']}"}
        return cache[email]

    return headers_for


@pytest.fixture
async def agent(login: Login) -> dict[str, str]:
    return await login("agent@example.org")


@pytest.fixture
async def admin(login: Login) -> dict[str, str]:
    return await login("admin@example.org")


@pytest.fixture
async def staff(login: Login) -> dict[str, str]:
    return await login("staff@example.org")


@pytest.fixture
async def manager(login: Login) -> dict[str, str]:
    return await login("manager@example.org")


@pytest.fixture
async def supervisor(login: Login) -> dict[str, str]:
    return await login("supervisor@example.org")


BALTIMORE = {"lat": 39.2904, "long": -76.6122, "address": "100 N Holliday St, Baltimore, MD"}


def pothole_body(**overrides: object) -> dict[str, object]:
    body: dict[str, object] = {
        "service_code": "trm-pothole-repair",
        "description": "Deep pothole in the right lane",
        "location": BALTIMORE,
        "attributes": {"pothole_size": "large"},
        "reporter": {"first_name": "Rosa", "last_name": "Parks", "email": "rosa@example.net"},
        "channel": "phone",
    }
    body.update(overrides)
    return body

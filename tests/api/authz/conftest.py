"""One seeded world per module: built once through the API, kept as a baseline schema, and
put back before each test, so a DELETE or a transition never leaks into the next row."""

from collections.abc import AsyncIterator
from dataclasses import replace

import asyncpg
import httpx
import pytest
from fastapi import FastAPI

from adapters.media.local_store import LocalMediaStore
from api.app import create_app
from api.bootstrap import Container
from api.settings import Settings
from domain.guards.proof import Challenges
from tests.api.authz.world import World, build_world, sign_in
from tests.baselines import Baselines

WORLD = "authz_world"
BITS = 4  # the public forms' proof of work, cheap: the rule is the same
STAFF = ("admin", "supervisor", "agent", "employee", "manager")
EMAILS = {"employee": "staff@example.org"}


@pytest.fixture(scope="module")
def authz_container(
    container: Container, settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Container:
    cheap = settings.model_copy(update={"public_proof_bits": BITS})
    bot_check = replace(container.bot_check, challenges=Challenges(cheap.secret_key, BITS))
    store = LocalMediaStore(str(tmp_path_factory.mktemp("authz-media")))
    return replace(container, settings=cheap, bot_check=bot_check, media_store=store)


@pytest.fixture(scope="module")
async def authz_client(authz_container: Container) -> AsyncIterator[httpx.AsyncClient]:
    app: FastAPI = create_app(authz_container.settings, authz_container)
    app.state.container = authz_container
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


@pytest.fixture(scope="module")
async def world(
    authz_client: httpx.AsyncClient,
    authz_container: Container,
    baselines: Baselines,
    reset_connection: asyncpg.Connection,
) -> AsyncIterator[World]:
    await baselines.put_back(reset_connection, "baseline_layers")
    signed_in = {
        role: await sign_in(authz_client, EMAILS.get(role, f"{role}@example.org"), "frontdoor")
        for role in STAFF
    }
    built = await build_world(authz_client, authz_container, signed_in)
    await baselines.keep(reset_connection, WORLD)
    yield built
    await baselines.put_back(reset_connection, "baseline")
    await reset_connection.execute(f'DROP SCHEMA "{WORLD}" CASCADE')  # no trace for the others


@pytest.fixture
async def fresh_world(
    world: World, baselines: Baselines, reset_connection: asyncpg.Connection
) -> World:
    """The module's world as it was built, whatever the previous test wrote."""
    await baselines.put_back(reset_connection, WORLD)
    return world

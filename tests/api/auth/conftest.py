"""The app built with settings of the test's own (keys, single sign-on, limits), on the same
database as every API test."""

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from api.app import create_app
from api.bootstrap import build_container
from api.settings import Settings
from domain.shared.clock import Clock

PEER = ("203.0.113.10", 40000)

Serve = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]


@pytest.fixture
def serve(database_url: str, database_state: AsyncEngine) -> Serve:
    """`async with serve(jwt_keys=...) as client:` runs the app with those settings."""

    @asynccontextmanager
    async def running(
        clock: Clock | None = None, peer: tuple[str, int] = PEER, **settings: object
    ) -> AsyncIterator[httpx.AsyncClient]:
        chosen = Settings(
            database_url=database_url, db_pool_size=2, index_check_seconds=0, **settings
        )
        container = build_container(chosen, clock)
        app = create_app(chosen, container)
        app.state.container = container
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False, client=peer)
        try:
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
                yield c
        finally:
            await container.close()

    return running

"""Every route that takes a body has a cap: an oversized body is 413 and nothing is written."""

import re
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from pydantic import ValidationError
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from api.app import create_app
from api.body_limit import BodyLimitMiddleware, parse_body_limits
from api.bootstrap import Container
from api.settings import Settings
from tests.problems import problem

MIB = 1024 * 1024
ROW_COUNTS = text(
    """
    SELECT table_name, (xpath('/row/c/text()', query_to_xml(
        format('SELECT count(*) AS c FROM public.%I', table_name), false, true, '')))[1]::text
    FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
    """
)


def body_limiter(app: FastAPI) -> BodyLimitMiddleware:
    for middleware in app.user_middleware:
        if middleware.cls is BodyLimitMiddleware:
            return BodyLimitMiddleware(app, **middleware.kwargs)  # type: ignore[arg-type]
    raise AssertionError("no BodyLimitMiddleware")


def routes_with_bodies(app: FastAPI) -> list[tuple[str, str]]:
    """Every operation of the OpenAPI document that may send a body, its path filled in."""
    found = []
    for template, item in app.openapi()["paths"].items():
        path = re.sub(r"\{[^}]+\}", "1", template).replace(".1", ".json")
        found += [(m.upper(), path) for m in ("post", "put", "patch", "delete") if m in item]
    return found


async def row_counts(engine: AsyncEngine) -> dict[str, Any]:
    async with engine.connect() as connection:
        return {name: count for name, count in await connection.execute(ROW_COUNTS)}


async def test_every_route_with_a_body_has_a_cap_and_refuses_past_it(
    app: FastAPI, client: httpx.AsyncClient, agent: dict[str, str], seeded: AsyncEngine
) -> None:
    limiter = body_limiter(app)
    routes = routes_with_bodies(app)
    assert len(routes) > 60
    before = await row_counts(seeded)
    for method, path in routes:
        limit = limiter.limit_for(path)
        assert 1024 <= limit <= 50 * MIB, (method, path, limit)
        headers = {**agent, "Content-Type": "application/json", "Idempotency-Key": "k-413"}
        answer = await client.request(method, path, content=b" " * (limit + 1), headers=headers)
        assert answer.status_code == 413, (method, path, answer.text)
        assert answer.headers["connection"] == "close"
        if not path.startswith("/open311/"):
            problem(answer, 413)
    assert await row_counts(seeded) == before


@pytest.mark.parametrize(
    ("path", "limit"),
    [
        ("/api/v1/requests", MIB),
        ("/api/v1/requests/1/transitions", MIB),
        ("/api/v1/requests/26-00000001/photos", 10 * MIB + 64 * 1024),
        ("/api/v1/public/requests/26-00000001/photos", 10 * MIB + 64 * 1024),
        ("/api/v1/jurisdictions/import", 50 * MIB),
        ("/api/v1/addresses/import", 20 * MIB),
        ("/api/v1/call-records", 20 * MIB),
        ("/open311/v2/requests.json", 10 * MIB + 64 * 1024),
        ("/api/v1/inbound/sms/twilio", 64 * 1024),
        ("/api/v1/notifications/unsubscribe", 16 * 1024),
    ],
)
def test_each_kind_of_route_has_its_own_cap(app: FastAPI, path: str, limit: int) -> None:
    assert body_limiter(app).limit_for(path) == limit


async def test_a_cap_is_configurable_per_route(
    settings: Settings, container: Container, seeded: AsyncEngine, agent: dict[str, str]
) -> None:
    configured = settings.model_copy(
        update={"body_limits": "/api/v1/requests/*/comments=100,/api/v1/twilio=5"}
    )
    app = create_app(configured, container)
    app.state.container = container
    limiter = body_limiter(app)
    assert limiter.limit_for("/api/v1/requests/7/comments") == 100
    assert limiter.limit_for("/api/v1/requests/7/transitions") == MIB
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        before = await row_counts(seeded)
        answer = await client.post(
            "/api/v1/requests/1/comments",
            json={"body": "x" * 120, "visibility": "internal"},
            headers=agent,
        )
        assert problem(answer, 413)["detail"] == "the body is larger than 100 bytes"
        assert await row_counts(seeded) == before


@pytest.mark.parametrize(
    "setting", ["/api/v1/requests", "api/v1/requests=10", "/api/v1/requests=ten", "/x=0"]
)
def test_a_malformed_body_limit_setting_is_refused(setting: str) -> None:
    with pytest.raises(ValueError, match=r"bytes|at least"):
        parse_body_limits(setting)
    with pytest.raises(ValidationError):
        Settings(body_limits=setting)


def test_the_body_limit_setting_reads_prefixes_and_sizes() -> None:
    assert parse_body_limits(" /a=10, /b/*/c=2048 ,") == {"/a": 10, "/b/*/c": 2048}

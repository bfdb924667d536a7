"""The middleware on its own, around a tiny app, on the real key store: what is kept and
for whom, on any covered path (the Open311 routes included)."""

from collections.abc import AsyncIterator
from datetime import timedelta
from types import SimpleNamespace

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from adapters.auth.tokens import JwtTokens, SigningKey
from adapters.db.idempotency import SqlIdempotencyStore
from api.idempotency import IdempotencyMiddleware
from domain.shared.clock import SystemClock


class Counter:
    def __init__(self) -> None:
        self.calls = 0
        self.fail_first = False


@pytest.fixture
async def tiny(seeded: AsyncEngine) -> AsyncIterator[tuple[httpx.AsyncClient, Counter]]:
    counter = Counter()

    async def create(request: Request) -> Response:
        counter.calls += 1
        if counter.fail_first and counter.calls == 1:
            return JSONResponse({"error": "boom"}, status_code=503)
        form = await request.form() if "form" in request.headers.get("content-type", "") else {}
        name = form.get("name", "") if form else ""
        return JSONResponse(
            [{"service_request_id": str(counter.calls), "name": name}], status_code=201
        )

    app = Starlette(
        routes=[
            Route("/open311/v2/requests.json", create, methods=["POST"]),
            Route("/elsewhere", create, methods=["POST"]),
        ]
    )
    app.add_middleware(IdempotencyMiddleware)
    app.state.container = SimpleNamespace(
        idempotency=SqlIdempotencyStore(seeded),
        clock=SystemClock(),
        tokens=JwtTokens(
            [SigningKey("k1", "secret")], "frontdoor", "frontdoor-api", timedelta(minutes=5)
        ),
        identity_provider=None,
    )
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client, counter


async def test_server_errors_are_not_kept_so_the_retry_runs_again(
    tiny: tuple[httpx.AsyncClient, Counter],
) -> None:
    client, counter = tiny
    counter.fail_first = True
    headers = {"Idempotency-Key": '"k1"', "X-API-Key": "key-a"}
    failed = await client.post("/open311/v2/requests.json", data={"name": "a"}, headers=headers)
    assert failed.status_code == 503
    retried = await client.post("/open311/v2/requests.json", data={"name": "a"}, headers=headers)
    assert retried.status_code == 201
    again = await client.post("/open311/v2/requests.json", data={"name": "a"}, headers=headers)
    assert again.content == retried.content
    assert counter.calls == 2


async def test_open311_api_keys_scope_the_key_wherever_they_are_sent(
    tiny: tuple[httpx.AsyncClient, Counter],
) -> None:
    client, counter = tiny
    path = "/open311/v2/requests.json"
    key = {"Idempotency-Key": '"same"'}
    in_form = await client.post(path, data={"api_key": "A", "name": "x"}, headers=key)
    by_header = await client.post(
        path, data={"api_key": "A", "name": "x"}, headers={**key, "X-API-Key": "A"}
    )
    other_key = await client.post(path, data={"api_key": "B", "name": "x"}, headers=key)
    assert by_header.content == in_form.content
    assert other_key.content != in_form.content
    assert counter.calls == 2
    # The same key C, sent in the query or as Authorization: one caller, so the second
    # request (another target, since the query differs) reuses the key for something else.
    by_query = await client.post(f"{path}?api_key=C", data={"name": "x"}, headers=key)
    by_authorization = await client.post(
        path, data={"name": "x"}, headers={**key, "Authorization": "ApiKey C"}
    )
    assert (by_query.status_code, by_authorization.status_code) == (201, 422)
    assert counter.calls == 3


async def test_open311_refusals_use_the_open311_error_format(
    tiny: tuple[httpx.AsyncClient, Counter],
) -> None:
    client, _ = tiny
    path = "/open311/v2/requests.json"
    bad = await client.post(path, data={"name": "x"}, headers={"Idempotency-Key": '"'})
    assert bad.status_code == 400
    assert bad.json()[0]["code"] == 400
    await client.post(path, data={"name": "x"}, headers={"Idempotency-Key": "k"})
    other = await client.post(path, data={"name": "y"}, headers={"Idempotency-Key": "k"})
    assert other.status_code == 422
    assert other.json() == [{"code": 422, "description": other.json()[0]["description"]}]


async def test_anonymous_callers_are_scoped_by_address_and_other_paths_are_not_covered(
    tiny: tuple[httpx.AsyncClient, Counter],
) -> None:
    client, counter = tiny
    key = {"Idempotency-Key": "anon"}
    await client.post("/open311/v2/requests.json", data={"name": "x"}, headers=key)
    await client.post("/open311/v2/requests.json", data={"name": "x"}, headers=key)
    assert counter.calls == 1
    await client.post("/elsewhere", data={"name": "x"}, headers=key)
    await client.post("/elsewhere", data={"name": "x"}, headers=key)
    assert counter.calls == 3


async def test_a_bearer_token_that_does_not_verify_runs_without_a_key(
    tiny: tuple[httpx.AsyncClient, Counter],
) -> None:
    client, counter = tiny
    headers = {"Idempotency-Key": "t", "Authorization": "Bearer forged"}
    for _ in range(2):
        await client.post("/open311/v2/requests.json", data={"name": "x"}, headers=headers)
    assert counter.calls == 2

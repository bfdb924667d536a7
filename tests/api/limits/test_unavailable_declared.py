"""Every operation declares the 503 it answers when the database is away or the request
passed its deadline, with Retry-After; Open311 answers it in its own error format."""

import asyncio

import httpx
from fastapi import FastAPI

from api.database_errors import METHODS
from tests.api.limits.test_deadlines import quick  # noqa: F401  (a fixture)

PROBLEM = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}


def test_every_operation_declares_503_with_retry_after(app: FastAPI) -> None:
    operations = 0
    for path, item in app.openapi()["paths"].items():
        for method in METHODS:
            if method not in item:
                continue
            operations += 1
            declared = item[method]["responses"]["503"]
            assert declared["headers"]["Retry-After"]["schema"]["type"] == "integer"
            if path.startswith("/open311/"):
                assert set(declared["content"]) == {"application/json", "text/xml"}, path
            else:
                assert declared["content"] == PROBLEM, (method, path)
    assert operations > 140


async def test_open311_past_its_deadline_is_its_own_503(
    quick: tuple[httpx.AsyncClient, FastAPI],  # noqa: F811
) -> None:
    client, app = quick

    async def slow() -> None:
        await asyncio.sleep(600)

    app.add_api_route("/open311/v2/test-only-slow.json", slow, methods=["GET"])
    answer = await client.get("/open311/v2/test-only-slow.json")
    assert answer.status_code == 503
    assert answer.headers["retry-after"] == "5"
    body = answer.json()
    assert body[0]["code"] == 503 and "longer than 0.5 seconds" in body[0]["description"]

"""Request ids, JSON logs and Prometheus metrics."""

import json
import logging

import httpx
import pytest
from fastapi import FastAPI

from api.observability import JsonFormatter, request_id_var


async def test_request_id_is_generated_and_echoed(client: httpx.AsyncClient) -> None:
    first = await client.get("/healthz")
    second = await client.get("/healthz")
    assert len(first.headers["X-Request-ID"]) == 32
    assert first.headers["X-Request-ID"] != second.headers["X-Request-ID"]
    given = await client.get("/healthz", headers={"X-Request-ID": "call-42.abc"})
    assert given.headers["X-Request-ID"] == "call-42.abc"
    forged = await client.get("/healthz", headers={"X-Request-ID": "bad id\twith spaces"})
    assert forged.headers["X-Request-ID"] != "bad id\twith spaces"


async def test_error_answers_carry_the_request_id_too(client: httpx.AsyncClient) -> None:
    answer = await client.get("/api/v1/requests", headers={"X-Request-ID": "trace-1"})
    assert answer.status_code == 401
    assert answer.headers["X-Request-ID"] == "trace-1"


async def test_access_log_is_json_with_the_request_id(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="frontdoor.access"):
        await client.get("/healthz", headers={"X-Request-ID": "log-me"})
    records = [r for r in caplog.records if r.name == "frontdoor.access"]
    assert records
    token = request_id_var.set("log-me")
    try:
        line = json.loads(JsonFormatter().format(records[-1]))
    finally:
        request_id_var.reset(token)
    assert line["request_id"] == "log-me"
    assert line["path"] == "/healthz"
    assert line["status"] == 200
    assert line["level"] == "info"


async def test_metrics_count_requests_by_route_template(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    await client.get("/api/v1/requests/26-00000404", headers=agent)
    metrics = await client.get("/metrics")
    assert metrics.status_code == 200
    text = metrics.text
    assert "frontdoor_http_requests_total" in text
    assert 'route="/api/v1/requests/{request_id}",status="404"' in text
    assert "26-00000404" not in text


async def test_metrics_token_guards_the_endpoint(app: FastAPI, client: httpx.AsyncClient) -> None:
    settings = app.state.container.settings
    original = settings.metrics_token
    settings.metrics_token = "scrape-secret"
    try:
        assert (await client.get("/metrics")).status_code == 401
        wrong = await client.get("/metrics", headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
        right = await client.get("/metrics", headers={"Authorization": "Bearer scrape-secret"})
        assert right.status_code == 200
    finally:
        settings.metrics_token = original


async def test_a_500_still_carries_the_request_id(
    app: FastAPI, client: httpx.AsyncClient, agent: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(*_: object, **__: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(app.state.container.requests, "page", broken)
    answer = await client.get("/api/v1/requests", headers={**agent, "X-Request-ID": "err-7"})
    assert answer.status_code == 500
    assert answer.headers["X-Request-ID"] == "err-7"
    assert answer.headers["content-type"] == "application/problem+json"
    assert "boom" not in answer.text

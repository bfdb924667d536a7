"""The foundation's acceptance path, as a new user would try it."""

from datetime import UTC, datetime

import httpx
import pytest

from tests.api.conftest import BALTIMORE, Login, pothole_body

pytestmark = pytest.mark.smoke


async def test_agent_creates_reads_lists_and_closes_a_request(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    created = await client.post("/api/v1/requests", json=pothole_body(), headers=agent)
    assert created.status_code == 201, created.text
    body = created.json()
    assert body.pop("possible_duplicates") == []
    request_id = body["id"]
    assert request_id == f"{datetime.now(UTC):%y}-00000001"
    assert created.headers["Location"] == f"/api/v1/requests/{request_id}"
    assert created.headers["ETag"] == '"v1"'
    assert body["status"] == "new"
    assert body["department"] == "transportation"
    assert body["channel"] == "phone"
    assert body["expected_datetime"] is not None
    assert body["reporter"]["email"] == "rosa@example.net"
    # the ZIP code of the nearest known address (5 N CALVERT ST in the sample's address table)
    assert body["location"] == {**BALTIMORE, "hint": None, "zipcode": "21229"}

    read = await client.get(f"/api/v1/requests/{request_id}", headers=agent)
    assert read.status_code == 200
    assert read.json() == body
    assert read.headers["ETag"] == '"v1"'

    listed = await client.get("/api/v1/requests", headers=agent)
    assert [item["id"] for item in listed.json()["items"]] == [request_id]

    etag = read.headers["ETag"]
    for step in ("acknowledged", "in_progress"):
        moved = await client.post(
            f"/api/v1/requests/{request_id}/transitions",
            json={"to": step},
            headers={**agent, "If-Match": etag},
        )
        assert moved.status_code == 200, moved.text
        assert moved.json()["status"] == step
        assert moved.headers["ETag"] != etag
        etag = moved.headers["ETag"]
    closed = await client.post(
        f"/api/v1/requests/{request_id}/transitions",
        json={"to": "closed", "reason": "resolved", "note": "Patched"},
        headers={**agent, "If-Match": etag},
    )
    assert closed.status_code == 200
    assert closed.json()["status"] == "closed"
    assert closed.json()["close_reason"] == "resolved"
    assert closed.json()["closed_at"] is not None

    timeline = await client.get(f"/api/v1/requests/{request_id}/timeline", headers=agent)
    entries = timeline.json()["items"]
    assert [e["kind"] for e in entries] == ["created", "status", "status", "status"]
    assert [e["data"].get("to") for e in entries[1:]] == ["acknowledged", "in_progress", "closed"]
    assert entries[-1]["data"]["reason"] == "resolved"
    assert all(e["actor"]["name"] == "Alex Agent" for e in entries)

    stale = await client.post(
        f"/api/v1/requests/{request_id}/transitions",
        json={"to": "in_progress", "note": "reopen"},
        headers={**agent, "If-Match": '"v1"'},
    )
    assert stale.status_code == 412
    assert stale.headers["content-type"] == "application/problem+json"

    missing = await client.post(
        f"/api/v1/requests/{request_id}/transitions", json={"to": "in_progress"}, headers=agent
    )
    assert missing.status_code == 428

    illegal = await client.post(
        f"/api/v1/requests/{request_id}/transitions",
        json={"to": "on_hold"},
        headers={**agent, "If-Match": closed.headers["ETag"]},
    )
    assert illegal.status_code == 409
    assert illegal.json()["status"] == 409


async def test_staff_cannot_see_another_departments_request(
    client: httpx.AsyncClient, agent: dict[str, str], login: Login
) -> None:
    body = pothole_body(service_code="sw-dirty-alley", attributes={})
    created = await client.post("/api/v1/requests", json=body, headers=agent)
    assert created.json()["department"] == "solid-waste"
    staff = await login("staff@example.org")
    hidden = await client.get(f"/api/v1/requests/{created.json()['id']}", headers=staff)
    assert hidden.status_code == 404
    unknown = await client.get("/api/v1/requests/26-99999999", headers=staff)
    assert unknown.status_code == 404
    assert hidden.json()["detail"].replace(created.json()["id"], "X") == unknown.json()[
        "detail"
    ].replace("26-99999999", "X")
    listed = await client.get("/api/v1/requests", headers=staff)
    assert listed.json()["items"] == []


async def test_no_token_is_401_problem_json(client: httpx.AsyncClient) -> None:
    answer = await client.get("/api/v1/requests")
    assert answer.status_code == 401
    assert answer.headers["content-type"] == "application/problem+json"
    problem = answer.json()
    assert {"type", "title", "status", "detail"} <= problem.keys()
    assert problem["status"] == 401


async def test_health_and_readiness(client: httpx.AsyncClient) -> None:
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    ready = await client.get("/readyz")
    assert ready.status_code == 200
    assert ready.headers["X-Request-ID"]

"""API keys (admin only, stored hashed) and partner systems working their department's requests."""

import hashlib

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.conftest import pothole_body
from tests.api.open311.open311_support import DEMO_KEY, PARTNER_KEY, V2

PARTNER = {"X-API-Key": PARTNER_KEY}


async def create_key(
    client: httpx.AsyncClient, admin: dict[str, str], **body: object
) -> httpx.Response:
    return await client.post("/api/v1/api-keys", json=body, headers=admin)


async def test_admins_create_list_read_and_revoke_keys(
    client: httpx.AsyncClient, admin: dict[str, str], seeded: AsyncEngine
) -> None:
    created = await create_key(client, admin, name="Acme 311 app", role="open311")
    assert created.status_code == 201, created.text
    key = created.json()
    secret = key["secret"]
    assert secret.startswith("fd_") and len(secret) >= 43
    assert created.headers["Location"] == f"/api/v1/api-keys/{key['id']}"
    async with seeded.connect() as db:
        stored = (
            await db.execute(text("SELECT * FROM api_keys WHERE id = :id"), {"id": key["id"]})
        ).one()
    assert stored.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in str(tuple(stored))
    listed = (await client.get("/api/v1/api-keys", headers=admin)).json()["items"]
    assert {k["name"] for k in listed} >= {"Acme 311 app", "Frontdoor demo Open311 client"}
    assert all("secret" not in k for k in listed)
    read = (await client.get(f"/api/v1/api-keys/{key['id']}", headers=admin)).json()
    assert read["role"] == "open311" and read["last_used_at"] is None and "secret" not in read
    form = {"api_key": secret, "service_code": "sw-recycling", "lat": "39.29", "long": "-76.61"}
    assert (await client.post(f"{V2}/requests.json", data=form)).status_code == 200
    used = (await client.get(f"/api/v1/api-keys/{key['id']}", headers=admin)).json()
    assert used["last_used_at"] is not None
    revoked = await client.delete(f"/api/v1/api-keys/{key['id']}", headers=admin)
    assert revoked.status_code == 200 and revoked.json()["active"] is False
    assert (await client.post(f"{V2}/requests.json", data=form)).status_code == 403


@pytest.mark.parametrize(
    "body",
    [
        {"name": "no department", "role": "partner"},
        {"name": "scoped open311", "role": "open311", "department_code": "transportation"},
        {"name": "ghost department", "role": "partner", "department_code": "nowhere"},
        {"name": "", "role": "open311"},
        {"name": "bad role", "role": "root"},
        {"name": "extra", "role": "open311", "secret": "mine"},
    ],
)
async def test_bad_key_bodies_are_refused(
    client: httpx.AsyncClient, admin: dict[str, str], seeded: AsyncEngine, body: dict[str, str]
) -> None:
    answer = await client.post("/api/v1/api-keys", json=body, headers=admin)
    assert answer.status_code == 422, answer.text
    assert answer.headers["content-type"].startswith("application/problem+json")
    async with seeded.connect() as db:
        assert (await db.execute(text("SELECT count(*) FROM api_keys"))).scalar_one() == 2


async def test_only_admins_manage_keys(
    client: httpx.AsyncClient, supervisor: dict[str, str], staff: dict[str, str]
) -> None:
    for headers in (supervisor, staff, PARTNER):
        assert (await client.get("/api/v1/api-keys", headers=headers)).status_code == 403
        created = await client.post(
            "/api/v1/api-keys", json={"name": "x", "role": "open311"}, headers=headers
        )
        assert created.status_code == 403
    assert (await client.get("/api/v1/api-keys")).status_code == 401
    missing = await client.delete(
        "/api/v1/api-keys/00000000-0000-0000-0000-000000000000", headers=supervisor
    )
    assert missing.status_code == 403


async def new_request(client: httpx.AsyncClient, agent: dict[str, str], **overrides: object) -> str:
    answer = await client.post("/api/v1/requests", json=pothole_body(**overrides), headers=agent)
    assert answer.status_code == 201, answer.text
    return str(answer.json()["id"])


async def street_light(client: httpx.AsyncClient, agent: dict[str, str]) -> str:
    return await new_request(
        client,
        agent,
        service_code="bge-stlights-out",
        attributes={"light_condition": "out"},
        description="Dark corner",
    )


async def etag(client: httpx.AsyncClient, request_id: str, headers: dict[str, str]) -> str:
    answer = await client.get(f"/api/v1/requests/{request_id}", headers=headers)
    assert answer.status_code == 200, answer.text
    return answer.headers["ETag"]


async def test_a_partner_reads_only_its_department(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    ours = await new_request(client, agent)
    theirs = await street_light(client, agent)
    listed = (await client.get("/api/v1/requests", headers=PARTNER)).json()["items"]
    assert [r["id"] for r in listed] == [ours]
    assert (await client.get(f"/api/v1/requests/{ours}", headers=PARTNER)).status_code == 200
    hidden = await client.get(f"/api/v1/requests/{theirs}", headers=PARTNER)
    assert hidden.status_code == 404
    assert hidden.headers["content-type"].startswith("application/problem+json")
    by_scheme = await client.get(
        f"/api/v1/requests/{ours}", headers={"Authorization": f"ApiKey {PARTNER_KEY}"}
    )
    assert by_scheme.status_code == 200


async def test_a_partner_works_its_requests_with_if_match(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    request_id = await new_request(client, agent)
    url = f"/api/v1/requests/{request_id}"
    no_version = await client.post(
        f"{url}/transitions", json={"to": "in_progress"}, headers=PARTNER
    )
    assert no_version.status_code == 428
    stale = await client.post(
        f"{url}/transitions", json={"to": "in_progress"}, headers={**PARTNER, "If-Match": '"v99"'}
    )
    assert stale.status_code == 412
    moved = await client.post(
        f"{url}/transitions",
        json={"to": "in_progress"},
        headers={**PARTNER, "If-Match": await etag(client, request_id, PARTNER)},
    )
    assert moved.status_code == 200 and moved.json()["status"] == "in_progress"
    linked = await client.patch(
        url,
        json={"external_id": "WO-2026-0042"},
        headers={**PARTNER, "If-Match": moved.headers["ETag"]},
    )
    assert linked.status_code == 200, linked.text
    assert linked.json()["external_id"] == "WO-2026-0042"
    commented = await client.post(
        f"{url}/comments",
        json={"body": "Crew on site", "visibility": "public"},
        headers={**PARTNER, "If-Match": linked.headers["ETag"]},
    )
    assert commented.status_code == 200
    closed = await client.post(
        f"{url}/transitions",
        json={"to": "closed", "reason": "resolved"},
        headers={**PARTNER, "If-Match": commented.headers["ETag"]},
    )
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    timeline = (await client.get(f"{url}/timeline", headers=agent)).json()["items"]
    partner_entries = [e for e in timeline if "partner system" in e["actor"]["name"]]
    assert len(partner_entries) == 3 and all(e["actor"]["id"] is None for e in partner_entries)


async def test_a_partner_cannot_touch_another_department(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    theirs = await street_light(client, agent)
    version = await etag(client, theirs, agent)
    url = f"/api/v1/requests/{theirs}"
    headers = {**PARTNER, "If-Match": version}
    attempts = [
        client.post(f"{url}/transitions", json={"to": "in_progress"}, headers=headers),
        client.post(f"{url}/comments", json={"body": "x"}, headers=headers),
        client.patch(url, json={"external_id": "WO-1"}, headers=headers),
        client.get(f"{url}/timeline", headers=PARTNER),
    ]
    for attempt in attempts:
        assert (await attempt).status_code == 404


async def test_a_partner_may_not_assign_transfer_or_administer(
    client: httpx.AsyncClient, agent: dict[str, str]
) -> None:
    request_id = await new_request(client, agent)
    headers = {**PARTNER, "If-Match": await etag(client, request_id, PARTNER)}
    url = f"/api/v1/requests/{request_id}"
    refused = [
        client.patch(url, json={"priority": "urgent"}, headers=headers),
        client.patch(url, json={"department": "bge", "reason": "not ours"}, headers=headers),
        client.patch(url, json={"assignee_id": None}, headers=headers),
        client.post("/api/v1/requests", json=pothole_body(), headers=PARTNER),
        client.get("/api/v1/users", headers=PARTNER),
        client.get("/api/v1/me", headers=PARTNER),
        client.post(
            "/api/v1/users",
            json={
                "email": "x@example.org",
                "display_name": "X",
                "password": "long enough pass",
                "role": "admin",
            },
            headers=PARTNER,
        ),
        client.post("/api/v1/articles", json={"title": "Potholes"}, headers=PARTNER),
        client.post(
            "/api/v1/departments", json={"code": "roads", "name": "Roads"}, headers=PARTNER
        ),
    ]
    for attempt in refused:
        answer = await attempt
        assert answer.status_code == 403, answer.text
    unchanged = (await client.get(url, headers=agent)).json()
    assert unchanged["priority"] == "normal" and unchanged["department"] == "transportation"


async def test_staff_set_external_ids_too(
    client: httpx.AsyncClient, agent: dict[str, str], staff: dict[str, str]
) -> None:
    request_id = await new_request(client, agent)
    answer = await client.patch(
        f"/api/v1/requests/{request_id}",
        json={"external_id": "WO-7"},
        headers={**staff, "If-Match": await etag(client, request_id, staff)},
    )
    assert answer.status_code == 200 and answer.json()["external_id"] == "WO-7"


@pytest.mark.parametrize(
    "headers",
    [
        {"X-API-Key": "not-a-key"},
        {"X-API-Key": DEMO_KEY},  # an Open311 key is no partner key
        {"Authorization": "ApiKey not-a-key"},
    ],
)
async def test_bad_keys_are_401(client: httpx.AsyncClient, headers: dict[str, str]) -> None:
    answer = await client.get("/api/v1/requests", headers=headers)
    assert answer.status_code == 401
    assert answer.headers["content-type"].startswith("application/problem+json")


async def test_a_revoked_partner_key_stops_at_once(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    created = (
        await create_key(
            client,
            admin,
            name="Water work orders",
            role="partner",
            department_code="water-wastewater",
        )
    ).json()
    headers = {"X-API-Key": created["secret"]}
    assert (await client.get("/api/v1/requests", headers=headers)).status_code == 200
    await client.delete(f"/api/v1/api-keys/{created['id']}", headers=admin)
    assert (await client.get("/api/v1/requests", headers=headers)).status_code == 401

"""Webhook subscriptions over the API: who may manage which, validation, secrets, the log."""

import httpx
import pytest

from tests.api.conftest import Login

HOOKS = "/api/v1/webhooks"


def body(**overrides: object) -> dict[str, object]:
    base: dict[str, object] = {
        "url": "https://partner.example.com/hooks/311",
        "event_types": ["request.created", "request.closed"],
        "department": "transportation",
    }
    base.update(overrides)
    return base


async def test_an_admin_creates_a_subscription_and_sees_the_secret_once(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    created = await client.post(
        HOOKS, json=body(service_codes=["trm-pothole-repair"]), headers=admin
    )
    assert created.status_code == 201, created.text
    hook = created.json()
    assert hook["secret"].startswith("whsec_") and len(hook["secret"]) > 40
    assert hook["event_types"] == ["request.created", "request.closed"]
    assert hook["service_codes"] == ["trm-pothole-repair"]
    assert created.headers["Location"] == f"{HOOKS}/{hook['id']}"
    read = await client.get(f"{HOOKS}/{hook['id']}", headers=admin)
    assert read.status_code == 200 and "secret" not in read.json()
    listed = await client.get(HOOKS, headers=admin)
    assert [h["id"] for h in listed.json()["items"]] == [hook["id"]]
    assert hook["secret"] not in listed.text


async def test_rotation_gives_a_new_secret_and_patch_changes_only_what_is_given(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    hook = (await client.post(HOOKS, json=body(), headers=admin)).json()
    rotated = await client.post(f"{HOOKS}/{hook['id']}/rotate-secret", headers=admin)
    assert rotated.status_code == 200
    assert rotated.json()["secret"] != hook["secret"]
    patched = await client.patch(
        f"{HOOKS}/{hook['id']}", json={"active": False, "description": "paused"}, headers=admin
    )
    assert patched.status_code == 200
    out = patched.json()
    assert (out["active"], out["description"], out["url"]) == (False, "paused", hook["url"])
    assert out["disabled_reason"] == "disabled by a user"
    gone = await client.delete(f"{HOOKS}/{hook['id']}", headers=admin)
    assert gone.status_code == 204
    assert (await client.get(f"{HOOKS}/{hook['id']}", headers=admin)).status_code == 404


async def test_a_manager_manages_their_own_department_only(
    client: httpx.AsyncClient, admin: dict[str, str], manager: dict[str, str]
) -> None:
    own = await client.post(HOOKS, json=body(), headers=manager)
    assert own.status_code == 201, own.text
    for department in ("health", None):
        other = await client.post(HOOKS, json=body(department=department), headers=manager)
        assert other.status_code == 403
        assert other.headers["content-type"] == "application/problem+json"
    citywide = (await client.post(HOOKS, json=body(department=None), headers=admin)).json()
    listed = await client.get(HOOKS, headers=manager)
    assert [h["id"] for h in listed.json()["items"]] == [own.json()["id"]]
    assert (await client.get(f"{HOOKS}/{citywide['id']}", headers=manager)).status_code == 404
    moved = await client.patch(
        f"{HOOKS}/{own.json()['id']}", json={"department": "health"}, headers=manager
    )
    assert moved.status_code == 403
    assert len((await client.get(HOOKS, headers=admin)).json()["items"]) == 2


@pytest.mark.parametrize("who", ["agent", "staff", "supervisor"])
async def test_other_roles_may_not_manage_webhooks(
    client: httpx.AsyncClient, login: Login, who: str
) -> None:
    headers = await login(f"{who}@example.org")
    assert (await client.get(HOOKS, headers=headers)).status_code == 403
    assert (await client.post(HOOKS, json=body(), headers=headers)).status_code == 403
    assert (await client.get(HOOKS)).status_code == 401


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"url": "ftp://partner.example.com/x"}, "url"),
        ({"url": "https://"}, "url"),
        ({"url": "https://user:pw@partner.example.com/"}, "url"),
        ({"url": "not a url"}, "url"),
        ({"url": "https://partner.example.com:99999/"}, "url"),
        ({"event_types": ["request.deleted"]}, "event_types"),
        ({"event_types": ["'; DROP TABLE webhook_subscriptions; --"]}, "event_types"),
        ({"department": "no-such-department"}, "department"),
        ({"service_codes": ["no-such-service"]}, "service_codes"),
    ],
)
async def test_bad_subscriptions_are_refused_and_nothing_is_written(
    client: httpx.AsyncClient, admin: dict[str, str], change: dict[str, object], field: str
) -> None:
    answer = await client.post(HOOKS, json=body(**change), headers=admin)
    assert answer.status_code == 422, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    assert field in answer.text
    assert (await client.get(HOOKS, headers=admin)).json()["items"] == []


async def test_malformed_and_unknown_fields_are_refused(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    broken = await client.post(
        HOOKS, content=b"{not json", headers={**admin, "content-type": "application/json"}
    )
    assert broken.status_code in (400, 422)
    extra = await client.post(HOOKS, json=body(secret="mine"), headers=admin)
    assert extra.status_code == 422
    assert (await client.get(f"{HOOKS}/not-a-uuid", headers=admin)).status_code == 422
    assert (await client.get(HOOKS, headers=admin)).json()["items"] == []

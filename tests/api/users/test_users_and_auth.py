"""Signing in, tokens, who-am-I, and the administration of staff accounts."""

import base64
import json
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import NAMESPACE_URL, uuid5

import httpx
import pytest
from jose import jwt

from adapters.demo.loader import DEMO_PASSWORD
from api.settings import Settings

TOKEN = "/api/v1/auth/token"
ME = "/api/v1/me"
USERS = "/api/v1/users"
LIFETIME = 480 * 60

DEMO = {
    "admin@example.org": ("Ada Admin", "admin", None, None),
    "supervisor@example.org": ("Sam Supervisor", "supervisor", None, None),
    "agent@example.org": ("Alex Agent", "agent", None, None),
    "staff@example.org": ("Stevie Staff", "staff", "transportation", "employee"),
    "manager@example.org": ("Morgan Manager", "staff", "transportation", "manager"),
}
NEW_USER = {
    "email": "Dana.Dispatcher@Example.org",
    "display_name": "  Dana Dispatcher ",
    "password": "correct horse battery",
    "role": "staff",
    "department": "solid-waste",
    "tier": "employee",
}


def demo_id(email: str) -> str:
    return str(uuid5(NAMESPACE_URL, f"frontdoor:demo:{email}"))


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def unauthenticated(answer: httpx.Response, detail: str) -> None:
    assert answer.status_code == 401, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.headers["www-authenticate"] == "Bearer"
    body = answer.json()
    assert body["type"] == "urn:frontdoor:problem:unauthenticated"
    assert body["title"] == "Unauthenticated"
    assert body["status"] == 401
    assert body["detail"] == detail


async def sign_in(client: httpx.AsyncClient, email: str, password: str) -> httpx.Response:
    return await client.post(TOKEN, data={"username": email, "password": password})


async def token_for(client: httpx.AsyncClient, email: str, password: str = DEMO_PASSWORD) -> str:
    answer = await sign_in(client, email, password)
    assert answer.status_code == 200, answer.text
    token: str = answer.json()["access_token"]
    return token


# --- the token -------------------------------------------------------------------------------


async def test_sign_in_issues_a_bearer_token_with_exp_iat_iss_aud(
    client: httpx.AsyncClient,
) -> None:
    answer = await sign_in(client, "agent@example.org", "frontdoor")
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body.keys() == {"access_token", "token_type", "expires_in"}
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == LIFETIME

    token = body["access_token"]
    assert jwt.get_unverified_header(token) == {"alg": "HS256", "typ": "JWT", "kid": "default"}
    claims = jwt.get_unverified_claims(token)
    assert claims.keys() == {"sub", "ver", "role", "iss", "aud", "iat", "exp"}
    assert claims["sub"] == demo_id("agent@example.org")
    assert claims["role"] == "agent"
    assert claims["ver"] == 0
    assert claims["iss"] == "frontdoor"
    assert claims["aud"] == "frontdoor-api"
    assert claims["exp"] - claims["iat"] == LIFETIME
    assert (await client.get(ME, headers=bearer(token))).status_code == 200


async def test_sign_in_accepts_the_email_in_any_case(client: httpx.AsyncClient) -> None:
    token = await token_for(client, "  Agent@EXAMPLE.org ")
    assert (await client.get(ME, headers=bearer(token))).json()["email"] == "agent@example.org"


async def test_wrong_password_and_unknown_email_get_identical_answers(
    client: httpx.AsyncClient,
) -> None:
    wrong = await sign_in(client, "agent@example.org", "not-the-password")
    unknown = await sign_in(client, "nobody@example.org", "frontdoor")
    unauthenticated(wrong, "wrong email or password")
    unauthenticated(unknown, "wrong email or password")
    assert wrong.json() == unknown.json()
    assert wrong.headers["www-authenticate"] == unknown.headers["www-authenticate"]


async def test_sign_in_without_the_form_fields_is_422(client: httpx.AsyncClient) -> None:
    answer = await client.post(TOKEN, data={"username": "agent@example.org"})
    assert answer.status_code == 422
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.json()["errors"] == [{"field": "password", "message": "Field required"}]


def _claims(settings: Settings, **overrides: object) -> dict[str, object]:
    now = datetime.now(UTC)
    claims: dict[str, object] = {
        "sub": demo_id("agent@example.org"),
        "ver": 0,
        "role": "agent",
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "iat": int(now.timestamp()),
        "exp": int((now + timedelta(minutes=5)).timestamp()),
    }
    claims.update(overrides)
    return claims


def _segment(part: dict[str, object]) -> str:
    raw = json.dumps(part, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


async def test_a_token_minted_like_the_api_does_is_accepted(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    """The control for the forgeries below: only the forged part makes them fail."""
    token = jwt.encode(_claims(settings), settings.secret_key, algorithm="HS256")
    answer = await client.get(ME, headers=bearer(token))
    assert answer.status_code == 200, answer.text
    assert answer.json()["email"] == "agent@example.org"


def _forgeries(settings: Settings) -> dict[str, str]:
    past = datetime.now(UTC) - timedelta(hours=2)
    secret = settings.secret_key
    return {
        "other secret": jwt.encode(_claims(settings), "another-secret-" * 4, algorithm="HS256"),
        "alg none": f"{_segment({'alg': 'none', 'typ': 'JWT'})}.{_segment(_claims(settings))}.",
        "alg none with signature": (
            f"{_segment({'alg': 'none', 'typ': 'JWT'})}.{_segment(_claims(settings))}."
            + jwt.encode(_claims(settings), secret, algorithm="HS256").split(".")[2]
        ),
        "HS512": jwt.encode(_claims(settings), secret, algorithm="HS512"),
        "expired": jwt.encode(
            _claims(
                settings,
                iat=int(past.timestamp()),
                exp=int((past + timedelta(minutes=5)).timestamp()),
            ),
            secret,
            algorithm="HS256",
        ),
        "wrong audience": jwt.encode(
            _claims(settings, aud="someone-else"), secret, algorithm="HS256"
        ),
        "wrong issuer": jwt.encode(_claims(settings, iss="evil"), secret, algorithm="HS256"),
        "no exp": jwt.encode(
            {k: v for k, v in _claims(settings).items() if k != "exp"}, secret, algorithm="HS256"
        ),
        "sub not a uuid": jwt.encode(_claims(settings, sub="agent"), secret, algorithm="HS256"),
        "tampered payload": (
            jwt.encode(_claims(settings), secret, algorithm="HS256").split(".")[0]
            + "."
            + _segment(_claims(settings, sub=demo_id("admin@example.org"), role="admin"))
            + "."
            + jwt.encode(_claims(settings), secret, algorithm="HS256").split(".")[2]
        ),
        "garbage": "not-a-jwt",
    }


FORGERIES = [
    "other secret",
    "alg none",
    "alg none with signature",
    "HS512",
    "expired",
    "wrong audience",
    "wrong issuer",
    "no exp",
    "sub not a uuid",
    "tampered payload",
    "garbage",
]


@pytest.mark.parametrize("kind", FORGERIES)
async def test_forged_or_expired_tokens_are_401(
    client: httpx.AsyncClient, settings: Settings, kind: str
) -> None:
    token = _forgeries(settings)[kind]
    unauthenticated(
        await client.get(ME, headers=bearer(token)), "the access token is invalid or expired"
    )
    unauthenticated(
        await client.get("/api/v1/requests", headers=bearer(token)),
        "the access token is invalid or expired",
    )


async def test_a_valid_token_of_an_unknown_user_is_401(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    token = jwt.encode(
        _claims(settings, sub=demo_id("ghost@example.org")), settings.secret_key, algorithm="HS256"
    )
    unauthenticated(
        await client.get(ME, headers=bearer(token)), "the access token is no longer valid"
    )


async def test_no_token_and_a_non_bearer_scheme_are_401(client: httpx.AsyncClient) -> None:
    detail = "sign in: send an Authorization: Bearer token"
    unauthenticated(await client.get(ME), detail)
    unauthenticated(await client.get(ME, headers={"Authorization": "Basic YTpi"}), detail)


# --- who am I ----------------------------------------------------------------------------------


@pytest.mark.parametrize("email", list(DEMO))
async def test_me_describes_each_demo_user(client: httpx.AsyncClient, email: str) -> None:
    token = await token_for(client, email)
    answer = await client.get(ME, headers=bearer(token))
    assert answer.status_code == 200
    name, role, department, tier = DEMO[email]
    assert answer.json() == {
        "id": demo_id(email),
        "email": email,
        "display_name": name,
        "role": role,
        "department": department,
        "tier": tier,
    }


# --- administration of accounts ------------------------------------------------------------


async def _create_user(
    client: httpx.AsyncClient, admin: dict[str, str], **overrides: object
) -> dict[str, Any]:
    answer = await client.post(USERS, json={**NEW_USER, **overrides}, headers=admin)
    assert answer.status_code == 201, answer.text
    user: dict[str, Any] = answer.json()
    return user


async def test_admin_creates_a_user_who_then_signs_in(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    user = await _create_user(client, admin)
    assert datetime.fromisoformat(user.pop("created_at")).utcoffset() == timedelta(0)
    user_id = user.pop("id")
    assert user == {
        "email": "dana.dispatcher@example.org",
        "display_name": "Dana Dispatcher",
        "role": "staff",
        "department": "solid-waste",
        "tier": "employee",
        "active": True,
    }
    token = await token_for(client, "dana.dispatcher@example.org", "correct horse battery")
    me = await client.get(ME, headers=bearer(token))
    assert me.json() == {
        "id": user_id,
        "email": "dana.dispatcher@example.org",
        "display_name": "Dana Dispatcher",
        "role": "staff",
        "department": "solid-waste",
        "tier": "employee",
    }
    listed = await client.get(USERS, headers=admin)
    assert [u["email"] for u in listed.json()["items"]] == sorted(
        [*DEMO, "dana.dispatcher@example.org"]
    )


async def test_deactivating_a_user_revokes_their_token_at_once(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    user = await _create_user(client, admin)
    token = await token_for(client, user["email"], "correct horse battery")
    assert (await client.get(ME, headers=bearer(token))).status_code == 200

    answer = await client.patch(f"{USERS}/{user['id']}", json={"active": False}, headers=admin)
    assert answer.status_code == 200, answer.text
    assert answer.json()["active"] is False

    unauthenticated(
        await client.get(ME, headers=bearer(token)), "the access token is no longer valid"
    )
    unauthenticated(
        await sign_in(client, user["email"], "correct horse battery"), "wrong email or password"
    )

    reactivated = await client.patch(f"{USERS}/{user['id']}", json={"active": True}, headers=admin)
    assert reactivated.json()["active"] is True
    # The old token stays revoked; a new sign-in works.
    unauthenticated(
        await client.get(ME, headers=bearer(token)), "the access token is no longer valid"
    )
    fresh = await token_for(client, user["email"], "correct horse battery")
    assert (await client.get(ME, headers=bearer(fresh))).status_code == 200


async def test_resetting_a_password_revokes_old_tokens_and_the_new_password_works(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    user = await _create_user(client, admin)
    old = await token_for(client, user["email"], "correct horse battery")
    answer = await client.patch(
        f"{USERS}/{user['id']}", json={"password": "a brand new secret"}, headers=admin
    )
    assert answer.status_code == 200, answer.text

    unauthenticated(
        await client.get(ME, headers=bearer(old)), "the access token is no longer valid"
    )
    unauthenticated(
        await sign_in(client, user["email"], "correct horse battery"), "wrong email or password"
    )
    new = await token_for(client, user["email"], "a brand new secret")
    assert (await client.get(ME, headers=bearer(new))).json()["id"] == user["id"]


async def test_moving_a_user_to_another_department_revokes_their_token(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    user = await _create_user(client, admin)
    token = await token_for(client, user["email"], "correct horse battery")
    answer = await client.patch(
        f"{USERS}/{user['id']}", json={"department": "transportation"}, headers=admin
    )
    assert answer.status_code == 200, answer.text
    assert (answer.json()["department"], answer.json()["tier"]) == ("transportation", "employee")
    unauthenticated(
        await client.get(ME, headers=bearer(token)), "the access token is no longer valid"
    )


@pytest.mark.parametrize("email", ["agent@example.org", "AGENT@Example.org", " agent@example.org"])
async def test_a_duplicate_email_is_409(
    client: httpx.AsyncClient, admin: dict[str, str], email: str
) -> None:
    answer = await client.post(
        USERS, json={**NEW_USER, "email": email, "role": "agent"}, headers=admin
    )
    assert answer.status_code == 409, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.json()["detail"] == "a user with email agent@example.org already exists"
    listed = await client.get(USERS, headers=admin)
    assert [u["email"] for u in listed.json()["items"]] == sorted(DEMO)


@pytest.mark.parametrize(
    ("overrides", "errors"),
    [
        (
            {"department": None},
            [{"field": "department", "message": "staff need a department and a tier"}],
        ),
        (
            {"tier": None},
            [{"field": "department", "message": "staff need a department and a tier"}],
        ),
        (
            {"department": "no-such-department"},
            [{"field": "department", "message": "is not a known department"}],
        ),
        (
            {"password": "short"},
            [{"field": "password", "message": "String should have at least 8 characters"}],
        ),
        (
            {"email": "not-an-email"},
            [{"field": "email", "message": "String should match pattern '^[^@\\s]+@[^@\\s]+$'"}],
        ),
        (
            {"role": "overlord"},
            [
                {
                    "field": "role",
                    "message": "Input should be 'admin', 'supervisor', 'agent' or 'staff'",
                }
            ],
        ),
        (
            {"is_admin": True},
            [{"field": "is_admin", "message": "Extra inputs are not permitted"}],
        ),
    ],
)
async def test_an_invalid_user_is_422(
    client: httpx.AsyncClient,
    admin: dict[str, str],
    overrides: dict[str, object],
    errors: list[dict[str, str]],
) -> None:
    body = {k: v for k, v in {**NEW_USER, **overrides}.items() if v is not None}
    answer = await client.post(USERS, json=body, headers=admin)
    assert answer.status_code == 422, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.json()["errors"] == errors
    listed = await client.get(USERS, headers=admin)
    assert [u["email"] for u in listed.json()["items"]] == sorted(DEMO)


async def test_non_staff_roles_carry_no_department(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    user = await _create_user(client, admin, role="supervisor")
    assert (user["role"], user["department"], user["tier"]) == ("supervisor", None, None)


async def test_an_admin_cannot_deactivate_themselves(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    answer = await client.patch(
        f"{USERS}/{demo_id('admin@example.org')}", json={"active": False}, headers=admin
    )
    assert answer.status_code == 409
    assert answer.json()["detail"] == "administrators cannot deactivate themselves"
    assert (await client.get(ME, headers=admin)).status_code == 200


async def test_changing_an_unknown_user_is_404(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    missing = demo_id("ghost@example.org")
    answer = await client.patch(f"{USERS}/{missing}", json={"active": False}, headers=admin)
    assert answer.status_code == 404
    assert answer.json()["detail"] == f"user {missing} was not found"

"""The city's single sign-on: provider tokens checked against its JWKS, groups mapped to roles."""

import asyncio
import base64
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from tests.api.auth.conftest import Serve
from tests.api.auth.identity_provider import (
    AUDIENCE,
    ISSUER,
    JwksServer,
    ProviderKey,
    claims,
    hmac_signed,
    jwks_server,
    public_pem,
    unsigned,
)
from tests.api.users.test_users_and_auth import ME, NEW_USER, demo_id, unauthenticated

RSA = ProviderKey.rsa("rsa-2026")
EC = ProviderKey.ec("ec-2026")
GROUPS = (
    "311-agents:agent,311-supervisors:supervisor,311-admins:admin,"
    "dpw-staff:staff@transportation,dpw-managers:manager@transportation,"
    "parks-staff:staff@no-such-department"
)
INVALID = "the access token is invalid or expired"


@pytest.fixture
def provider() -> Iterator[JwksServer]:
    with jwks_server([RSA, EC]) as server:
        yield server


def sso_settings(server: JwksServer, **overrides: object) -> dict[str, object]:
    return {
        "oidc_issuer": ISSUER,
        "oidc_jwks_url": server.url,
        "oidc_audience": AUDIENCE,
        "oidc_group_roles": GROUPS,
        **overrides,
    }


@pytest.fixture
async def client(serve: Serve, provider: JwksServer) -> AsyncIterator[httpx.AsyncClient]:
    async with serve(**sso_settings(provider)) as client:
        yield client


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def me(client: httpx.AsyncClient, token: str) -> httpx.Response:
    return await client.get(ME, headers=bearer(token))


@pytest.mark.parametrize("key", [RSA, EC], ids=["RS256", "ES256"])
async def test_a_provider_token_signs_in_with_the_role_of_its_groups(
    client: httpx.AsyncClient, key: ProviderKey
) -> None:
    answer = await me(client, key.sign(claims()))
    assert answer.status_code == 200, answer.text
    person = answer.json()
    assert person.pop("id")
    assert person == {
        "email": "pat.lee@city.example",
        "display_name": "Pat Lee",
        "role": "agent",
        "department": None,
        "tier": None,
    }
    requests = await client.get("/api/v1/requests", headers=bearer(key.sign(claims())))
    assert requests.status_code == 200, requests.text


@pytest.mark.parametrize(
    ("groups", "placement"),
    [
        (["311-admins", "311-agents"], ("admin", None, None)),
        (["311-supervisors"], ("supervisor", None, None)),
        (["dpw-staff"], ("staff", "transportation", "employee")),
        (["dpw-staff", "dpw-managers"], ("staff", "transportation", "manager")),
    ],
)
async def test_groups_map_to_role_department_and_tier(
    client: httpx.AsyncClient, groups: list[str], placement: tuple[str, str, str]
) -> None:
    answer = await me(client, RSA.sign(claims(groups=groups)))
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert (body["role"], body["department"], body["tier"]) == placement


async def test_the_mapped_role_is_what_permissions_see(client: httpx.AsyncClient) -> None:
    admin = RSA.sign(claims(groups=["311-admins"]))
    agent = RSA.sign(claims(groups=["311-agents"]))
    refused = await client.post("/api/v1/users", json=NEW_USER, headers=bearer(agent))
    assert refused.status_code == 403, refused.text
    created = await client.post("/api/v1/users", json=NEW_USER, headers=bearer(admin))
    assert created.status_code == 201, created.text
    users = await client.get("/api/v1/users", headers=bearer(admin))
    listed = {u["email"]: u["role"] for u in users.json()["items"]}
    assert listed["pat.lee@city.example"] == "admin"


async def test_concurrent_first_requests_make_one_account(
    client: httpx.AsyncClient, admin_of: Any
) -> None:
    token = RSA.sign(claims(email="new.person@city.example"))
    answers = await asyncio.gather(*(me(client, token) for _ in range(6)))
    assert [a.status_code for a in answers] == [200] * 6, [a.text for a in answers]
    assert len({a.json()["id"] for a in answers}) == 1
    users = await client.get("/api/v1/users", headers=await admin_of(client))
    emails = [u["email"] for u in users.json()["items"]]
    assert emails.count("new.person@city.example") == 1


async def test_an_existing_account_is_matched_by_email(client: httpx.AsyncClient) -> None:
    token = EC.sign(claims(email="Agent@Example.org", groups=["311-supervisors"]))
    answer = await me(client, token)
    assert answer.status_code == 200, answer.text
    assert answer.json()["id"] == demo_id("agent@example.org")
    assert answer.json()["role"] == "supervisor"


async def test_an_account_made_by_single_sign_on_has_no_password(
    client: httpx.AsyncClient,
) -> None:
    assert (await me(client, RSA.sign(claims()))).status_code == 200
    for password in ["", "!single-sign-on", "frontdoor"]:
        answer = await client.post(
            "/api/v1/auth/token", data={"username": "pat.lee@city.example", "password": password}
        )
        assert answer.status_code in (401, 422), answer.text


async def test_a_deactivated_account_stays_refused(
    client: httpx.AsyncClient, admin_of: Any
) -> None:
    admin = await admin_of(client)
    token = RSA.sign(claims(email="agent@example.org"))
    deactivated = await client.patch(
        f"/api/v1/users/{demo_id('agent@example.org')}", json={"active": False}, headers=admin
    )
    assert deactivated.status_code == 200, deactivated.text
    unauthenticated(await me(client, token), "the access token is no longer valid")


@pytest.fixture
def admin_of() -> Any:
    async def headers(client: httpx.AsyncClient) -> dict[str, str]:
        form = {"username": "admin@example.org", "password": "frontdoor"}
        answer = await client.post("/api/v1/auth/token", data=form)
        assert answer.status_code == 200, answer.text
        return bearer(answer.json()["access_token"])

    return headers


async def test_groups_that_grant_nothing_are_403(client: httpx.AsyncClient) -> None:
    for groups in [["all-city-staff"], [], ["parks-staff"]]:
        answer = await me(client, RSA.sign(claims(groups=groups)))
        assert answer.status_code == 403, answer.text
        assert answer.headers["content-type"] == "application/problem+json"


def _forgeries() -> dict[str, str]:
    good = claims()
    rsa_public = public_pem(RSA.private)
    return {
        "wrong issuer": RSA.sign(claims(iss="https://evil.example/")),
        "wrong audience": RSA.sign(claims(aud="someone-else")),
        "expired": RSA.sign(claims(iat=1_700_000_000, exp=1_700_000_600)),
        "no exp": RSA.sign(claims(exp=None)),
        "unknown kid": RSA.sign(good, kid="rsa-1999"),
        "no kid": unsigned({"alg": "RS256"}, good) + RSA.sign(good).rsplit(".", 1)[1],
        "kid of the other key type": RSA.sign(good, kid=EC.kid),
        "signed by a key not in the set": ProviderKey.rsa(RSA.kid).sign(good),
        "HS256 with the public key (PEM)": hmac_signed(
            rsa_public, {"alg": "HS256", "typ": "JWT", "kid": RSA.kid}, good
        ),
        "HS256 with the public key (JWK)": hmac_signed(
            str(RSA.public_jwk()).encode(), {"alg": "HS256", "kid": RSA.kid}, good
        ),
        "HS256 with the EC public key": hmac_signed(
            public_pem(EC.private), {"alg": "HS256", "kid": EC.kid}, good
        ),
        "alg none": unsigned({"alg": "none", "kid": RSA.kid}, good),
        "alg none, no kid": unsigned({"alg": "none"}, good),
        "tampered groups": RSA.sign(good).split(".")[0]
        + "."
        + RSA.sign(claims(groups=["311-admins"])).split(".")[1]
        + "."
        + RSA.sign(good).split(".")[2],
        "email not verified": RSA.sign(claims(email_verified=False)),
        "no email": RSA.sign(claims(email=None)),
    }


FORGERIES = list(_forgeries())


@pytest.mark.parametrize("kind", FORGERIES)
async def test_forged_or_unfit_provider_tokens_are_401(
    client: httpx.AsyncClient, kind: str
) -> None:
    token = _forgeries()[kind]
    answer = await me(client, token)
    assert answer.status_code == 401, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    assert (await client.get("/api/v1/requests", headers=bearer(token))).status_code == 401


async def test_the_key_set_is_fetched_once_and_cached(
    client: httpx.AsyncClient, provider: JwksServer
) -> None:
    for key in [RSA, EC, RSA, EC]:
        assert (await me(client, key.sign(claims()))).status_code == 200
    assert provider.fetches == 1


async def test_an_unknown_kid_fetches_again_at_most_once_per_interval(
    client: httpx.AsyncClient, provider: JwksServer
) -> None:
    assert (await me(client, RSA.sign(claims()))).status_code == 200
    for n in range(5):
        unauthenticated(await me(client, RSA.sign(claims(), kid=f"made-up-{n}")), INVALID)
    assert provider.fetches == 1  # FRONTDOOR_OIDC_JWKS_REFRESH_SECONDS (30) not yet past


async def test_a_rotated_provider_key_is_fetched_on_first_sight(
    serve: Serve, provider: JwksServer
) -> None:
    async with serve(**sso_settings(provider, oidc_jwks_refresh_seconds=0)) as client:
        assert (await me(client, RSA.sign(claims()))).status_code == 200
        rotated = ProviderKey.ec("ec-2027")
        provider.keys.append(rotated)
        answer = await me(client, rotated.sign(claims()))
        assert answer.status_code == 200, answer.text
        assert provider.fetches == 2


async def test_a_symmetric_key_in_the_set_is_never_used(
    client: httpx.AsyncClient, provider: JwksServer
) -> None:
    secret = b"a-shared-secret-published-by-mistake"
    provider.extra.append({"kty": "oct", "kid": "shared", "alg": "HS256", "k": base64url(secret)})
    token = hmac_signed(secret, {"alg": "HS256", "kid": "shared"}, claims())
    unauthenticated(await me(client, token), INVALID)
    assert (await me(client, RSA.sign(claims()))).status_code == 200


async def test_a_key_set_too_large_is_not_read(serve: Serve, provider: JwksServer) -> None:
    provider.padding = 300 * 1024
    async with serve(**sso_settings(provider)) as client:
        unauthenticated(await me(client, RSA.sign(claims())), INVALID)


def base64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


async def test_an_unreachable_provider_is_401_and_our_own_tokens_still_work(
    serve: Serve, provider: JwksServer
) -> None:
    unreachable = sso_settings(provider, oidc_jwks_url="http://127.0.0.1:9/jwks.json")
    async with serve(**unreachable) as client:
        unauthenticated(await me(client, RSA.sign(claims())), INVALID)
        form = {"username": "agent@example.org", "password": "frontdoor"}
        token = (await client.post("/api/v1/auth/token", data=form)).json()["access_token"]
        assert (await me(client, token)).status_code == 200

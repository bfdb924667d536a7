"""Our own tokens rotate by `kid`: the first key of FRONTDOOR_JWT_KEYS signs, all verify."""

from datetime import UTC, datetime, timedelta

import httpx
import pytest
from jose import jwt

from adapters.demo.loader import DEMO_PASSWORD
from tests.api.auth.conftest import Serve
from tests.api.users.test_users_and_auth import ME, demo_id, unauthenticated

OLD = "old-key-" + "o" * 32
NEW = "new-key-" + "n" * 32
INVALID = "the access token is invalid or expired"


def minted(secret: str, kid: str | None) -> str:
    now = datetime.now(UTC)
    claims = {
        "sub": demo_id("agent@example.org"),
        "ver": 0,
        "role": "agent",
        "iss": "frontdoor",
        "aud": "frontdoor-api",
        "iat": int(now.timestamp()),
        "exp": int((now + timedelta(minutes=5)).timestamp()),
    }
    headers = None if kid is None else {"kid": kid}
    return str(jwt.encode(claims, secret, algorithm="HS256", headers=headers))


async def signed_in(client: httpx.AsyncClient) -> str:
    form = {"username": "agent@example.org", "password": DEMO_PASSWORD}
    answer = await client.post("/api/v1/auth/token", data=form)
    assert answer.status_code == 200, answer.text
    token: str = answer.json()["access_token"]
    return token


async def me(client: httpx.AsyncClient, token: str) -> httpx.Response:
    return await client.get(ME, headers={"Authorization": f"Bearer {token}"})


async def test_the_first_key_signs_and_every_key_verifies(serve: Serve) -> None:
    async with serve(jwt_keys=f"k2:{NEW},k1:{OLD}") as client:
        token = await signed_in(client)
        assert jwt.get_unverified_header(token)["kid"] == "k2"
        assert (await me(client, token)).status_code == 200
        assert (await me(client, minted(OLD, "k1"))).json()["email"] == "agent@example.org"


@pytest.mark.parametrize(
    ("secret", "kid"),
    [
        (NEW, "k3"),  # a kid we never had, signed with a key we do have
        (NEW, "k1"),  # the kid of one key, signed with the other
        (OLD, None),  # no kid: only the signing key may have made it
        (NEW, ""),
    ],
)
async def test_an_unknown_or_mismatched_kid_is_401(
    serve: Serve, secret: str, kid: str | None
) -> None:
    async with serve(jwt_keys=f"k2:{NEW},k1:{OLD}") as client:
        unauthenticated(await me(client, minted(secret, kid)), INVALID)


async def test_a_token_from_before_key_ids_is_checked_against_the_signing_key(
    serve: Serve,
) -> None:
    async with serve(jwt_keys=f"k2:{NEW},k1:{OLD}") as client:
        assert (await me(client, minted(NEW, None))).status_code == 200


async def test_a_rotation_keeps_old_tokens_until_their_key_is_dropped(serve: Serve) -> None:
    async with serve(secret_key=OLD) as before:
        old_token = await signed_in(before)
        assert jwt.get_unverified_header(old_token)["kid"] == "default"
    async with serve(secret_key=OLD, jwt_keys=f"next:{NEW},default:{OLD}") as during:
        assert (await me(during, old_token)).status_code == 200
        new_token = await signed_in(during)
        assert jwt.get_unverified_header(new_token)["kid"] == "next"
    async with serve(secret_key=OLD, jwt_keys=f"next:{NEW}") as after:
        unauthenticated(await me(after, old_token), INVALID)
        assert (await me(after, new_token)).status_code == 200

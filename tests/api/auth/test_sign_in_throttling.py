"""Failed sign-ins count per email and per client address; past a limit, 429, never a lock."""

import asyncio
from datetime import UTC, datetime, timedelta

import httpx

from adapters.demo.loader import DEMO_PASSWORD
from domain.shared.clock import FixedClock
from tests.api.auth.conftest import Serve

TOKEN = "/api/v1/auth/token"
WINDOW = timedelta(minutes=15)
# 2 minutes into a 15-minute window: 13 minutes to wait.
START = datetime(2026, 12, 5, 10, 2, tzinfo=UTC)
LIMITS = {"signin_failures_per_user": 3, "signin_failures_per_address": 5}
HOME, CAFE, OFFICE = ("198.51.100.7", 5000), ("192.0.2.44", 5000), ("203.0.113.80", 5000)


async def attempt(client: httpx.AsyncClient, email: str, password: str) -> httpx.Response:
    return await client.post(TOKEN, data={"username": email, "password": password})


async def fail(client: httpx.AsyncClient, email: str, times: int) -> None:
    for _ in range(times):
        answer = await attempt(client, email, "not-the-password")
        assert answer.status_code == 401, answer.text


def throttled(answer: httpx.Response, who: str, wait: int = 13 * 60) -> None:
    assert answer.status_code == 429, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.headers["retry-after"] == str(wait)
    body = answer.json()
    assert body["status"] == 429
    assert body["detail"] == f"too many failed sign-ins for this {who}; try again later"
    assert "access_token" not in answer.text


async def test_a_throttled_account_gets_429_even_with_the_right_password(
    serve: Serve,
) -> None:
    async with serve(clock=FixedClock(START), peer=HOME, **LIMITS) as home:
        await fail(home, "agent@example.org", 3)
        throttled(await attempt(home, "agent@example.org", DEMO_PASSWORD), "account")
    async with serve(clock=FixedClock(START), peer=CAFE, **LIMITS) as cafe:
        throttled(await attempt(cafe, "Agent@Example.org", DEMO_PASSWORD), "account")


async def test_another_account_is_not_touched_by_those_failures(serve: Serve) -> None:
    async with serve(clock=FixedClock(START), peer=HOME, **LIMITS) as home:
        await fail(home, "agent@example.org", 3)
        assert (await attempt(home, "supervisor@example.org", DEMO_PASSWORD)).status_code == 200
    async with serve(clock=FixedClock(START), peer=OFFICE, **LIMITS) as office:
        assert (await attempt(office, "admin@example.org", DEMO_PASSWORD)).status_code == 200


async def test_a_throttled_address_gets_429_and_the_same_account_signs_in_elsewhere(
    serve: Serve,
) -> None:
    async with serve(clock=FixedClock(START), peer=HOME, **LIMITS) as home:
        for email in ["a@example.org", "b@example.org", "c@example.org"]:
            await fail(home, email, 2 if email != "c@example.org" else 1)
        throttled(await attempt(home, "agent@example.org", DEMO_PASSWORD), "address")
    async with serve(clock=FixedClock(START), peer=OFFICE, **LIMITS) as office:
        assert (await attempt(office, "agent@example.org", DEMO_PASSWORD)).status_code == 200


async def test_a_sign_in_forgets_the_accounts_failures(serve: Serve) -> None:
    async with serve(clock=FixedClock(START), peer=HOME, **LIMITS) as home:
        await fail(home, "agent@example.org", 2)
        assert (await attempt(home, "agent@example.org", DEMO_PASSWORD)).status_code == 200
        await fail(home, "agent@example.org", 2)  # 4 in the window; the count starts again
        assert (await attempt(home, "agent@example.org", DEMO_PASSWORD)).status_code == 200


async def test_the_throttle_lifts_when_the_window_ends(serve: Serve) -> None:
    clock = FixedClock(START)
    async with serve(clock=clock, peer=HOME, **LIMITS) as home:
        await fail(home, "agent@example.org", 3)
        clock.set(START + timedelta(minutes=12, seconds=50))
        throttled(await attempt(home, "agent@example.org", DEMO_PASSWORD), "account", wait=10)
        clock.set(START + timedelta(minutes=13))
        assert (await attempt(home, "agent@example.org", DEMO_PASSWORD)).status_code == 200


async def test_the_address_behind_a_trusted_proxy_is_the_forwarded_one(serve: Serve) -> None:
    proxy = ("10.0.0.5", 443)
    settings = {**LIMITS, "trusted_proxies": "10.0.0.0/8"}
    async with serve(clock=FixedClock(START), peer=proxy, **settings) as client:
        for n in range(5):
            answer = await client.post(
                TOKEN,
                data={"username": f"u{n}@example.org", "password": "wrong-password"},
                headers={"X-Forwarded-For": "198.51.100.7"},
            )
            assert answer.status_code == 401
        other = {"username": "agent@example.org", "password": DEMO_PASSWORD}
        blocked = await client.post(TOKEN, data=other, headers={"X-Forwarded-For": "198.51.100.7"})
        throttled(blocked, "address")
        allowed = await client.post(TOKEN, data=other, headers={"X-Forwarded-For": "192.0.2.9"})
        assert allowed.status_code == 200, allowed.text


async def test_a_burst_of_simultaneous_guesses_gets_only_the_limit_checked(
    serve: Serve,
) -> None:
    settings = {**LIMITS, "signin_failures_per_address": 100}
    async with serve(clock=FixedClock(START), peer=HOME, **settings) as home:
        guesses = [attempt(home, "agent@example.org", f"guess-{n}") for n in range(10)]
        answers = await asyncio.gather(*guesses)
        statuses = sorted(answer.status_code for answer in answers)
        assert statuses == [401] * 3 + [429] * 7
        throttled(await attempt(home, "agent@example.org", DEMO_PASSWORD), "account")


async def test_successful_sign_ins_do_not_use_up_the_address(serve: Serve) -> None:
    """A whole shift signs in from the office's one address."""
    async with serve(clock=FixedClock(START), peer=OFFICE, **LIMITS) as office:
        for _ in range(4):
            for email in ["agent@example.org", "supervisor@example.org"]:
                assert (await attempt(office, email, DEMO_PASSWORD)).status_code == 200
        await fail(office, "admin@example.org", 2)
        assert (await attempt(office, "admin@example.org", DEMO_PASSWORD)).status_code == 200


async def test_the_default_limit_is_five_failures_per_account(serve: Serve) -> None:
    async with serve(clock=FixedClock(START), peer=HOME) as home:
        await fail(home, "agent@example.org", 5)
        throttled(await attempt(home, "agent@example.org", DEMO_PASSWORD), "account")

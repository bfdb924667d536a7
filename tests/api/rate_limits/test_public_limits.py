"""The public look-up, the portal's submissions and the unsubscribe refusals tell their
quotas in the RateLimit header fields, on allowed answers and on 429s alike."""

from datetime import UTC, datetime, timedelta

from domain.shared.clock import FixedClock
from tests.api.auth.conftest import Serve

LOOKUP = "/api/v1/requests/lookup"
START = datetime(2026, 12, 5, 10, 2, tzinfo=UTC)  # 13 minutes before its 15 end
LIMITS = {"lookup_per_client": 3, "lookup_per_contact": 2}


async def test_a_look_up_tells_both_quotas_and_its_429_the_wait(serve: Serve) -> None:
    clock = FixedClock(START)
    async with serve(clock=clock, **LIMITS) as client:
        body = {"email": "target@example.net", "last_name": "Guess"}
        first = await client.post(LOOKUP, json=body)
        assert first.status_code == 200
        assert first.headers["RateLimit-Policy"] == (
            '"lookup-client";q=3;w=900, "lookup-contact";q=2;w=900'
        )
        assert first.headers["RateLimit"] == '"lookup-client";r=2;t=780, "lookup-contact";r=1;t=780'
        await client.post(LOOKUP, json=body)
        refused = await client.post(LOOKUP, json=body)
        assert refused.status_code == 429
        assert refused.headers["content-type"] == "application/problem+json"
        assert refused.headers["Retry-After"] == "780"
        assert (
            refused.headers["RateLimit"] == '"lookup-client";r=0;t=780, "lookup-contact";r=0;t=780'
        )
        clock.set(START + timedelta(minutes=13))
        again = await client.post(LOOKUP, json=body)
        assert again.status_code == 200
        assert again.headers["RateLimit"] == '"lookup-client";r=2;t=900, "lookup-contact";r=1;t=900'


async def test_the_look_up_window_is_configurable(serve: Serve) -> None:
    async with serve(clock=FixedClock(START), lookup_window_minutes=60, **LIMITS) as client:
        answer = await client.post(LOOKUP, json={"phone": "410-555-0100", "last_name": "X"})
        assert '"lookup-client";q=3;w=3600' in answer.headers["RateLimit-Policy"]
        assert '"lookup-client";r=2;t=3480' in answer.headers["RateLimit"]


async def test_unsubscribe_tells_its_refusals_quota(serve: Serve) -> None:
    url = "/api/v1/notifications/unsubscribe"
    async with serve(clock=FixedClock(START), unsubscribe_refusals_per_client=1) as client:
        refused = await client.post(url, json={"token": "not-ours"})
        assert refused.status_code == 422
        assert refused.headers["RateLimit-Policy"] == '"unsubscribe-refusals";q=1;w=900'
        assert refused.headers["RateLimit"] == '"unsubscribe-refusals";r=0;t=780'
        limited = await client.post(url, json={"token": "not-ours"})
        assert limited.status_code == 429
        assert limited.headers["Retry-After"] == "780"


async def test_a_route_without_limits_tells_no_quota(serve: Serve) -> None:
    async with serve(clock=FixedClock(START)) as client:
        answer = await client.get("/open311/v2/services.json")
        assert answer.status_code == 200
        assert "RateLimit" not in answer.headers and "RateLimit-Policy" not in answer.headers

"""The PostgreSQL key store: claims, completion, release, takeover and purge."""

from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.idempotency import SqlIdempotencyStore
from domain.idempotency.model import (
    IN_FLIGHT_LEASE,
    RETENTION,
    Claimed,
    InFlight,
    Mismatch,
    Replay,
    StoredResponse,
)
from tests.integration.builders import count
from tests.statements import round_trips

T = datetime(2026, 11, 25, 12, tzinfo=UTC)
ANSWER = StoredResponse(201, (("content-type", "application/json"),), b'{"id":1}')


async def test_a_completed_claim_is_replayed_and_a_different_payload_mismatches(
    seeded: AsyncEngine,
) -> None:
    store = SqlIdempotencyStore(seeded)
    assert await store.claim("user:a", "k", "f1", T) == Claimed()
    assert await store.claim("user:a", "k", "f1", T) == InFlight()
    await store.complete("user:a", "k", ANSWER, T)
    assert await store.claim("user:a", "k", "f1", T) == Replay(ANSWER)
    assert await store.claim("user:a", "k", "f2", T) == Mismatch()
    assert await store.claim("user:b", "k", "f2", T) == Claimed()


async def test_a_released_claim_can_be_taken_again(seeded: AsyncEngine) -> None:
    store = SqlIdempotencyStore(seeded)
    await store.claim("s", "k", "f", T)
    await store.release("s", "k")
    assert await store.claim("s", "k", "f", T) == Claimed()


async def test_a_completed_answer_is_never_released(seeded: AsyncEngine) -> None:
    store = SqlIdempotencyStore(seeded)
    await store.claim("s", "k", "f", T)
    await store.complete("s", "k", ANSWER, T)
    await store.release("s", "k")
    assert await store.claim("s", "k", "f", T) == Replay(ANSWER)


async def test_an_abandoned_claim_is_taken_over_after_the_lease(seeded: AsyncEngine) -> None:
    store = SqlIdempotencyStore(seeded)
    await store.claim("s", "k", "f", T)
    assert await store.claim("s", "k", "f", T + IN_FLIGHT_LEASE - timedelta(seconds=1)) == (
        InFlight()
    )
    assert await store.claim("s", "k", "f", T + IN_FLIGHT_LEASE) == Claimed()


async def test_purge_removes_only_expired_keys(seeded: AsyncEngine) -> None:
    store = SqlIdempotencyStore(seeded)
    await store.claim("s", "old", "f", T)
    await store.complete("s", "old", ANSWER, T)
    await store.claim("s", "new", "f", T + timedelta(hours=1))
    await store.complete("s", "new", ANSWER, T + timedelta(hours=1))
    assert await store.purge_expired(T + RETENTION) == 1
    assert await count(seeded, "idempotency_keys") == 1
    assert await store.claim("s", "new", "f", T + RETENTION) == Replay(ANSWER)


async def test_claim_complete_and_release_are_single_statements_outside_a_transaction(
    seeded: AsyncEngine,
) -> None:
    """Each wraps every keyed POST and is atomic on its own: no BEGIN and COMMIT around it."""
    store = SqlIdempotencyStore(seeded)
    with round_trips() as sent:
        await store.claim("s", "k", "f", T)
        await store.complete("s", "k", ANSWER, T)
        await store.claim("s", "k2", "f", T)
        await store.release("s", "k2")
    assert not [s for s in sent if s.startswith(("BEGIN ISOLATION", "COMMIT"))], sent

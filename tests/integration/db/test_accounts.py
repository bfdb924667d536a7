"""The accounts tokens are checked against (adapters/db/accounts.py): a change made through
this process's unit of work is seen at once; one made elsewhere within the copy's seconds."""

from uuid import UUID

import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.accounts import ACCOUNT_SECONDS, AccountCache, CachedAccounts, account_cache
from adapters.db.tables.directory import users
from adapters.db.unit_of_work import SqlUnitOfWork
from domain.directory.users import Role
from tests.integration.builders import AGENT_ID
from tests.statements import round_trips
from tests.unit.builders import user

pytestmark = pytest.mark.usefixtures("seeded")


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def _bump_elsewhere(engine: AsyncEngine, user_id: UUID) -> None:
    """As another process would: straight to the table, not through this process's unit of work."""
    async with engine.begin() as db:
        await db.execute(
            update(users)
            .where(users.c.id == user_id)
            .values(token_version=users.c.token_version + 1)
        )


async def test_a_copy_serves_for_its_seconds_then_is_read_again(seeded: AsyncEngine) -> None:
    clock = Clock()
    accounts = CachedAccounts(seeded, AccountCache(clock=clock))
    first = await accounts.current(AGENT_ID)
    assert first is not None
    with round_trips() as seen:
        assert await accounts.current(AGENT_ID) == first
    assert seen == []

    await _bump_elsewhere(seeded, AGENT_ID)
    clock.now += ACCOUNT_SECONDS - 0.1
    kept = await accounts.current(AGENT_ID)
    assert kept is not None and kept.token_version == first.token_version  # the bound
    clock.now += 0.1
    again = await accounts.current(AGENT_ID)
    assert again is not None and again.token_version == first.token_version + 1
    fresh = await accounts.fresh(AGENT_ID)
    assert fresh is not None and fresh.token_version == first.token_version + 1


async def test_a_change_through_the_unit_of_work_is_seen_at_once(seeded: AsyncEngine) -> None:
    account_cache(seeded).clear()
    accounts = CachedAccounts(seeded)
    before = await accounts.current(AGENT_ID)
    assert before is not None and before.active

    async with SqlUnitOfWork(seeded) as uow:
        user = await uow.users.get(AGENT_ID)
        assert user is not None
        user.deactivate()
        await uow.users.save(user)
        during = await accounts.current(AGENT_ID)  # not committed: the account as it was
        assert during is not None and during.active
        await uow.commit()

    after = await accounts.current(AGENT_ID)
    assert after is not None
    assert (after.active, after.token_version) == (False, before.token_version + 1)


async def test_a_read_that_began_before_a_change_is_not_kept() -> None:
    cache = AccountCache(clock=Clock())
    agent = user(7, Role.AGENT)
    mark, read_at = cache.mark(), cache.now()
    cache.forget(agent.id)  # a change committed while the read was on its way
    cache.put(agent, mark, read_at)
    assert cache.get(agent.id) is None
    cache.put(agent, cache.mark(), cache.now())
    assert cache.get(agent.id) is agent

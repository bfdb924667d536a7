"""The accounts access tokens are checked against, kept in this process for a few seconds.

Every authenticated request checks that its token's user is active and that the token's
version is the account's (a sign-out everywhere, a password reset, a deactivation bump it).
Reading the users row for that was half the database work of a read (docs/benchmarks.md).

How stale a copy may be:
- a change made in this process (through the unit of work's users repository) drops the
  copy at once, when the change is saved and again once it is committed, so this process
  never accepts a token its own change revoked;
- a change made elsewhere (another API process, a command, the database edited by hand) is
  seen within `ACCOUNT_SECONDS`: until then this process may still accept a token revoked
  there. A TTL rather than LISTEN/NOTIFY: it needs no listening connection per process (nor
  its reconnection after a failover), and bounds every kind of change, including those made
  outside the application;
- a refusal is never taken from the copy: an account that would refuse a token is read
  again first (so a user who signed in again elsewhere, with a newer version, is not refused).
"""

import time
from collections.abc import Callable
from typing import Any
from uuid import UUID
from weakref import WeakKeyDictionary

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.engine import reading, reads_of
from adapters.db.repositories.directory import user_from_row
from adapters.db.tables.directory import users
from domain.directory.users import User

ACCOUNT_SECONDS = 5.0
BY_ID = select(users).where(users.c.id == bindparam("user_id"))


class AccountCache:
    """Users by id, each read at most `seconds` ago; `forget` drops one. Reads that began
    before a `forget` do not store what they read (it may predate the change)."""

    def __init__(
        self, seconds: float = ACCOUNT_SECONDS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._seconds = seconds
        self._clock = clock
        self._users: dict[UUID, tuple[float, User]] = {}
        self._changes = 0  # how many `forget`s so far: a read stores only if none came since

    def get(self, user_id: UUID) -> User | None:
        kept = self._users.get(user_id)
        if kept is None or self._clock() - kept[0] >= self._seconds:
            return None
        return kept[1]

    def mark(self) -> int:
        return self._changes

    def put(self, user: User, mark: int, read_at: float) -> None:
        if mark == self._changes and self._seconds > 0:
            self._users[user.id] = (read_at, user)

    def now(self) -> float:
        return self._clock()

    def forget(self, user_id: UUID) -> None:
        self._changes += 1
        self._users.pop(user_id, None)

    def clear(self) -> None:
        self._changes += 1
        self._users.clear()


_caches: "WeakKeyDictionary[Any, AccountCache]" = WeakKeyDictionary()


def account_cache(engine: AsyncEngine) -> AccountCache:
    """This process's copy for the database behind `engine` (one per pool, which the
    engine's autocommit view shares)."""
    pool = engine.sync_engine.pool
    cache = _caches.get(pool)
    if cache is None:
        cache = _caches[pool] = AccountCache()
    return cache


class CachedAccounts:
    def __init__(self, engine: AsyncEngine, cache: AccountCache | None = None) -> None:
        self._reads = reads_of(engine)
        self.cache = cache or account_cache(engine)

    async def current(self, user_id: UUID) -> User | None:
        """The account, read at most a few seconds ago (or changed in this process since)."""
        kept = self.cache.get(user_id)
        return kept if kept is not None else await self.fresh(user_id)

    async def fresh(self, user_id: UUID) -> User | None:
        """The account as it is now; kept for the next `current`."""
        mark, read_at = self.cache.mark(), self.cache.now()
        async with reading(self._reads) as db:
            row = (await db.execute(BY_ID, {"user_id": user_id})).first()
        if row is None:
            return None
        user = user_from_row(row)
        self.cache.put(user, mark, read_at)
        return user

"""A version check under way must not hold every other caller: they go on with the index they
have. Callers that waited on the check each held a pooled connection (a create's transaction)
while the check asked the same pool for one more, so a full pool stalled every create until
the pool's timeout (found by the bench at 16 concurrent creates on a pool of 10)."""

import asyncio
from typing import Any

from adapters.db.read_models.jurisdictions import Snapshot
from adapters.geo.live import LiveJurisdictions


class SlowVersionReads:
    """The database's version; the second check waits until the test lets it go."""

    def __init__(self) -> None:
        self.checks = 0
        self.released = asyncio.Event()

    async def version(self) -> int:
        self.checks += 1
        if self.checks > 1:
            await self.released.wait()
        return 1

    async def snapshot(self) -> Snapshot:
        return Snapshot(1, [], [], [], {})


async def test_callers_use_the_index_they_have_while_a_check_is_under_way() -> None:
    reads = SlowVersionReads()
    live = LiveJurisdictions(reads, check_every=0.0)  # type: ignore[arg-type]
    first = await live.current()
    checking = asyncio.create_task(live.current())  # the second check: it waits
    await asyncio.sleep(0)

    others: list[Any] = await asyncio.wait_for(
        asyncio.gather(*(live.current() for _ in range(5))), timeout=2
    )

    assert all(loaded is first for loaded in others)
    reads.released.set()
    assert await checking is first
    assert reads.checks == 2


async def test_the_first_caller_waits_for_the_index_to_exist() -> None:
    reads = SlowVersionReads()
    live = LiveJurisdictions(reads, check_every=0.0)  # type: ignore[arg-type]

    loaded = await live.current()

    assert loaded.version == 1 and reads.checks == 1

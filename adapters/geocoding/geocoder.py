"""The Geocoder every API process holds: an in-memory index kept current with the table.

Each process checks the table's stamp at most once a second (one tiny query) and rebuilds its
index in a worker thread when an import has changed it, so an import is visible to every
process within about a second, and at once to the process that ran it (it calls refresh).
The first search or reverse look-up loads the index; nothing is built at start-up.
"""

import asyncio
import time
from dataclasses import dataclass
from typing import Any

from adapters.db.read_models.addresses import AddressPointReader
from adapters.geocoding.index import AddressIndex
from domain.addresses.model import AddressCandidate

MAX_WITHIN_M = 1_000.0  # reverse look-ups scan a grid; keep the area it covers small


@dataclass(frozen=True)
class Loaded:
    stamp: tuple[Any, int | None]
    index: AddressIndex


class IndexedGeocoder:
    def __init__(self, reader: AddressPointReader, check_every: float = 1.0) -> None:
        self._reader = reader
        self._check_every = check_every
        self._loaded: Loaded | None = None
        self._checked_at = 0.0
        self._lock = asyncio.Lock()

    async def search(self, query: str, limit: int = 5) -> list[AddressCandidate]:
        index = await self._current()
        return index.search(query, limit)

    async def reverse(
        self, lat: float, long: float, within_m: float = 100.0
    ) -> AddressCandidate | None:
        if not 0 < within_m <= MAX_WITHIN_M:
            raise ValueError(f"within_m must be in (0, {MAX_WITHIN_M:g}]")
        index = await self._current()
        return index.nearest(lat, long, within_m)

    async def refresh(self, force: bool = False) -> AddressIndex:
        """Rebuild now if the table changed (or always, with force); return the index."""
        async with self._lock:
            stamp = await self._reader.stamp()
            if force or self._loaded is None or self._loaded.stamp != stamp:
                points = await self._reader.points()
                index = await asyncio.to_thread(AddressIndex, points)
                self._loaded = Loaded(stamp, index)
            self._checked_at = time.monotonic()
            return self._loaded.index

    async def _current(self) -> AddressIndex:
        loaded = self._loaded
        fresh = time.monotonic() - self._checked_at < self._check_every
        if loaded is not None and (fresh or self._lock.locked()):
            return loaded.index  # a rebuild is under way: serve the previous index meanwhile
        return await self.refresh()

"""The resolver every API process holds: an in-memory index kept current with the database.

Each process checks the database's jurisdiction version at most once a second (one tiny query)
and rebuilds its index in a worker thread when an import or edit has bumped it, so a change is
visible to every process within about a second. While one caller checks, the others go on
with the index they have.
"""

import asyncio
import time
from collections.abc import Sequence
from dataclasses import dataclass

import shapely

from adapters.db.read_models.jurisdictions import JurisdictionReadModel, Snapshot
from adapters.geo.index import AreaIndex, IndexedArea
from domain.jurisdictions.model import (
    AreaHit,
    AreaRecord,
    Layer,
    LayerRole,
    Resolution,
    RoutingRule,
)
from domain.jurisdictions.resolver import ServiceFacts, resolve


@dataclass(frozen=True)
class Loaded:
    version: int
    index: AreaIndex
    rules: list[RoutingRule]
    served_layers_exist: bool
    department_names: dict[str, str]


def build(snapshot: Snapshot) -> Loaded:
    roles = {layer.slug: layer for layer in snapshot.layers}
    geometries = shapely.from_wkb([wkb for _, wkb in snapshot.areas])
    indexed = [
        IndexedArea(_hit(record.ref.layer, roles, record), geometry)
        for (record, _), geometry in zip(snapshot.areas, geometries, strict=True)
    ]
    served = any(layer.role is LayerRole.SERVED for layer in snapshot.layers)
    return Loaded(
        snapshot.version, AreaIndex(indexed), snapshot.rules, served, snapshot.department_names
    )


def _hit(slug: str, layers: dict[str, Layer], record: AreaRecord) -> AreaHit:
    layer = layers[slug]
    return AreaHit(record.ref, layer.role, layer.kind, record.size, record.contact)


class LiveJurisdictions:
    def __init__(self, read_model: JurisdictionReadModel, check_every: float = 1.0) -> None:
        self._read = read_model
        self._check_every = check_every
        self._loaded: Loaded | None = None
        self._checked_at = 0.0
        self._lock = asyncio.Lock()

    async def current(self) -> Loaded:
        loaded = self._loaded
        fresh = time.monotonic() - self._checked_at < self._check_every
        if loaded is not None and (fresh or self._lock.locked()):
            # A check under way: go on with this index rather than wait for it. A waiting
            # create holds its transaction's connection while the check asks the same pool
            # for one, so a full pool would stall every create until the pool's timeout.
            return loaded
        return await self.refresh()

    async def refresh(self, force: bool = False) -> Loaded:
        async with self._lock:
            if (
                not force
                and self._loaded
                and time.monotonic() - self._checked_at < self._check_every
            ):
                return self._loaded
            version = await self._read.version()
            if force or self._loaded is None or self._loaded.version != version:
                snapshot = await self._read.snapshot()
                self._loaded = await asyncio.to_thread(build, snapshot)
            self._checked_at = time.monotonic()
            return self._loaded

    async def resolve(self, lat: float, long: float, service: ServiceFacts | None) -> Resolution:
        loaded = await self.current()
        hits = loaded.index.hits_at(lat, long)
        return resolve(
            hits, loaded.rules, service, loaded.served_layers_exist, loaded.department_names
        )

    async def resolve_many(
        self, points: Sequence[tuple[float, float, ServiceFacts | None]]
    ) -> list[Resolution]:
        """Points with the same areas and service get the same resolution, decided once: the
        rule is a pure function of them (a batch in one city has few distinct area sets)."""
        loaded = await self.current()
        all_hits = loaded.index.hits_at_many([(lat, long) for lat, long, _ in points])
        decided: dict[tuple[tuple[int, ...], ServiceFacts | None], Resolution] = {}
        resolutions = []
        for hits, (_, _, service) in zip(all_hits, points, strict=True):
            key = (tuple(map(id, hits)), service)  # the index's own AreaHit objects
            resolution = decided.get(key)
            if resolution is None:
                resolution = decided[key] = resolve(
                    hits, loaded.rules, service, loaded.served_layers_exist, loaded.department_names
                )
            resolutions.append(resolution)
        return resolutions

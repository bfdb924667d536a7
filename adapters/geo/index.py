"""The in-process spatial index: a shapely STRtree over the current areas of every layer."""

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np
import shapely
from shapely import STRtree
from shapely.geometry.base import BaseGeometry

from domain.jurisdictions.model import AreaHit

BULK_POINTS = 256


@dataclass(frozen=True)
class IndexedArea:
    hit: AreaHit
    geometry: BaseGeometry


class AreaIndex:
    """Answers which areas contain a point; a point on a shared border is in both."""

    def __init__(self, areas: Sequence[IndexedArea]) -> None:
        self._hits = [a.hit for a in areas]
        geometries = [a.geometry for a in areas]
        for geometry in geometries:
            shapely.prepare(geometry)
        self._tree = STRtree(geometries)
        self._geometries = np.asarray(geometries, dtype=object)  # queries take it as is

    def __len__(self) -> int:
        return len(self._hits)

    def hits_at(self, lat: float, long: float) -> list[AreaHit]:
        if not self._hits:
            return []
        # shapely.points on a pair: a third of the cost of shapely.Point's constructor
        found = self._tree.query(shapely.points((long, lat)), predicate="intersects")
        found.sort()
        hits = self._hits
        return [hits[i] for i in found.tolist()]

    def hits_at_many(self, points: Sequence[tuple[float, float]]) -> list[list[AreaHit]]:
        """Vectorised look-up for batches: one tree query for all the points.

        From BULK_POINTS points on, the points go into a tree of their own and each area
        (prepared) asks which of them it holds: an area's vertices are then walked once per
        area instead of once per point, about 15 times faster on Baltimore's layers. The
        pairs are then grouped per point with numpy, so Python touches each hit only once."""
        if not self._hits or not points:
            return [[] for _ in points]
        geometries = shapely.points(_long_lat(points))
        if len(points) >= BULK_POINTS:
            area_indexes, point_indexes = STRtree(geometries).query(
                self._geometries, predicate="intersects"
            )
        else:
            point_indexes, area_indexes = self._tree.query(geometries, predicate="intersects")
        return self._grouped(len(points), point_indexes, area_indexes)

    def _grouped(
        self, count: int, point_indexes: np.ndarray, area_indexes: np.ndarray
    ) -> list[list[AreaHit]]:
        """Per point, its areas in index order, as `hits_at` gives them."""
        areas = len(self._hits)
        pairs = np.sort(point_indexes.astype(np.int64) * areas + area_indexes)
        point_indexes, area_indexes = np.divmod(pairs, areas)
        hits = self._hits
        found = [hits[i] for i in area_indexes.tolist()]
        ends = np.cumsum(np.bincount(point_indexes, minlength=count)).tolist()
        return [found[start:end] for start, end in zip([0, *ends[:-1]], ends, strict=True)]


def _long_lat(points: Sequence[tuple[float, float]]) -> np.ndarray:
    """(lat, long) pairs as an (n, 2) array of (long, lat), without a Python loop per point."""
    flat = np.fromiter(chain.from_iterable(points), dtype=float, count=2 * len(points))
    return flat.reshape(len(points), 2)[:, ::-1]

"""Nearest-point look-ups in memory: points filed in cells of a fixed size in degrees."""

import math
from collections import defaultdict
from collections.abc import Sequence

from domain.addresses.geodesy import METRES_PER_DEGREE, distance_m

CELL_DEGREES = 0.001  # about 111 m north-south, 86 m east-west at Baltimore's latitude


def _cell(value: float) -> int:
    return math.floor(value / CELL_DEGREES)


class PointGrid:
    def __init__(self, points: Sequence[tuple[float, float]]) -> None:
        self._points = points
        self._cells: defaultdict[tuple[int, int], list[int]] = defaultdict(list)
        for index, (lat, long) in enumerate(points):
            self._cells[_cell(lat), _cell(long)].append(index)

    def nearest(self, lat: float, long: float, within_m: float) -> tuple[int, float] | None:
        """(index, metres) of the nearest point within `within_m`; the first filed wins ties."""
        reach_lat = within_m / METRES_PER_DEGREE
        reach_long = reach_lat / max(math.cos(math.radians(lat)), 1e-6)
        best: tuple[float, int] | None = None
        for row in range(_cell(lat - reach_lat), _cell(lat + reach_lat) + 1):
            for column in range(_cell(long - reach_long), _cell(long + reach_long) + 1):
                for index in self._cells.get((row, column), ()):
                    there = self._points[index]
                    metres = distance_m(lat, long, there[0], there[1])
                    if metres <= within_m and (best is None or (metres, index) < best):
                        best = (metres, index)
        return None if best is None else (best[1], best[0])

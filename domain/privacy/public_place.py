"""Where the public is told a request is: the exact place, its block, or its area.

A service says how precisely its requests are shown (`PublicLocation`). Requests that point at
someone's home, such as a housing complaint or a smoke-alarm visit, are shown by block ("2100
block of EASTERN AVE", the point moved to the middle of a grid cell about 200 m wide) or by
area (the neighbourhood's name and a point inside it). Every public output (the status page,
Open311, open data, a public map) asks `public_place`, so they all tell the same.
"""

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

BLOCK_GRID_DEGREES = 0.002  # about 220 m north-south, 150-180 m east-west in the US
MIN_AREA_SIZE = 5e-6  # square degrees, about 0.05 km²: a few blocks at the very least
_NUMBERED = re.compile(r"^(\d+)(?:[A-Za-z]\b|-\d+[A-Za-z]?\b|\s+1/2\b)?\s+(\S.*)$")
_UNIT = re.compile(r"\s+(?:#|(?:APT|APARTMENT|UNIT|STE|SUITE|FL|FLOOR|RM|ROOM|LOT)\b).*$", re.I)
_ORDINAL = re.compile(r"\b\d+(?:ST|ND|RD|TH)\b", re.I)


class PublicLocation(StrEnum):
    EXACT = "exact"
    BLOCK = "block"
    AREA = "area"


@dataclass(frozen=True)
class Place:
    lat: float | None = None
    long: float | None = None
    address: str | None = None
    zipcode: str | None = None


@dataclass(frozen=True)
class AreaPoint:
    """An area a request lies in, with a point inside it and its size in square degrees."""

    name: str
    lat: float
    long: float
    size: float


def public_place(level: PublicLocation, exact: Place, areas: Sequence[AreaPoint] = ()) -> Place:
    """The place as `level` lets the public see it; the ZIP code is shown at every level."""
    if level is PublicLocation.EXACT:
        return exact
    if level is PublicLocation.BLOCK:
        lat, long = _grid_cell(exact.lat, exact.long)
        return Place(lat, long, block_of(exact.address), exact.zipcode)
    area = most_local(areas)
    if area is None:
        return Place(zipcode=exact.zipcode)
    return Place(area.lat, area.long, area.name, exact.zipcode)


def block_of(address: str | None) -> str | None:
    """'2125 EASTERN AVE' -> '2100 block of EASTERN AVE'; a street or a crossing stays as it
    is; anything else that holds a number we cannot place in a block gives None."""
    if not address:
        return None
    text = address.strip()
    text = text[5:] if text.lower().startswith("near ") else text
    text = _UNIT.sub("", text.split(",")[0]).strip()
    numbered = _NUMBERED.match(text)
    if numbered is not None:
        street = numbered.group(2).strip()
        if _has_other_numbers(street):
            return None
        return f"{int(numbered.group(1)) // 100 * 100} block of {street}"
    return None if _has_other_numbers(text) or not text else text


def most_local(areas: Sequence[AreaPoint]) -> AreaPoint | None:
    """The smallest area that is still a few blocks wide (a neighbourhood before a district)."""
    wide_enough = [a for a in areas if a.size >= MIN_AREA_SIZE]
    return min(wide_enough, key=lambda a: (a.size, a.name), default=None)


def _grid_cell(lat: float | None, long: float | None) -> tuple[float | None, float | None]:
    if lat is None or long is None:
        return None, None
    return _cell_middle(lat), _cell_middle(long)


def _cell_middle(value: float) -> float:
    cell = math.floor(value / BLOCK_GRID_DEGREES)
    return round((cell + 0.5) * BLOCK_GRID_DEGREES, 6)


def _has_other_numbers(text: str) -> bool:
    return any(c.isdigit() for c in _ORDINAL.sub("", text))

"""The intake map's reference layer without tiles: which streets and address points a map view
gets, at what detail, and where a street's name is written."""

import math
from dataclasses import dataclass
from typing import Protocol

import shapely
from shapely.geometry.base import BaseGeometry

from domain.shared.errors import ValidationFailed

# Streets appear from zoom 11 (a city); the minor through roads from 13 (a district).
STREETS_FROM_ZOOM = 11
ALL_RANKS_FROM_ZOOM = 13
# Address points from zoom 17 (a few blocks): below that they would be a blur of dots.
ADDRESSES_FROM_ZOOM = 17
MAX_ADDRESS_SPAN = 0.05  # degrees of a view's width or height for address points
MAX_ADDRESSES = 2000
METRES_PER_DEGREE = 111_320.0
PIXEL_METRES_AT_ZOOM_0 = 156_543.0  # web-mercator metres per pixel at the equator


@dataclass(frozen=True)
class BoundingBox:
    west: float
    south: float
    east: float
    north: float

    @classmethod
    def parse(cls, text: str) -> "BoundingBox":
        """`west,south,east,north` in degrees, as Leaflet's `toBBoxString()` writes it."""
        parts = text.split(",")
        try:
            west, south, east, north = (float(part) for part in parts)
        except ValueError:
            raise ValidationFailed.single("bbox", "give west,south,east,north in degrees") from None
        box = cls(west, south, east, north)
        if not all(math.isfinite(v) for v in (west, south, east, north)):
            raise ValidationFailed.single("bbox", "give finite numbers")
        if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
            raise ValidationFailed.single("bbox", "west < east and south < north, in range")
        return box

    @property
    def width(self) -> float:
        return self.east - self.west

    @property
    def height(self) -> float:
        return self.north - self.south

    def padded(self, fraction: float) -> "BoundingBox":
        dx, dy = self.width * fraction, self.height * fraction
        return BoundingBox(self.west - dx, self.south - dy, self.east + dx, self.north + dy)


def street_ranks(zoom: int) -> tuple[int, ...]:
    """1 highways, 2 principal roads, 3 other through roads: fewer as the map zooms out."""
    if zoom < STREETS_FROM_ZOOM:
        return ()
    return (1, 2, 3) if zoom >= ALL_RANKS_FROM_ZOOM else (1, 2)


def tolerance_degrees(zoom: int, latitude: float) -> float:
    """Half a screen pixel at this zoom: finer detail would not show."""
    pixel = PIXEL_METRES_AT_ZOOM_0 * math.cos(math.radians(latitude)) / float(2**zoom)
    return pixel / 2 / METRES_PER_DEGREE


def check_address_view(box: BoundingBox, zoom: int) -> None:
    if zoom < ADDRESSES_FROM_ZOOM or max(box.width, box.height) > MAX_ADDRESS_SPAN:
        raise ValidationFailed.single(
            "bbox", f"address points are for close views: zoom {ADDRESSES_FROM_ZOOM} or more"
        )


@dataclass(frozen=True)
class Label:
    long: float
    lat: float
    angle: float  # degrees clockwise from the east, between -90 and 90 so text reads upright


def street_label(geometry: BaseGeometry) -> Label | None:
    """Halfway along the longest part of the street, turned along the street there."""
    parts = [g for g in shapely.get_parts(geometry) if g.geom_type == "LineString" and g.length]
    if not parts:
        return None
    line = max(parts, key=lambda part: part.length)
    middle = line.interpolate(0.5, normalized=True)
    step = line.length / 20
    before = line.interpolate(max(line.project(middle) - step, 0))
    after = line.interpolate(min(line.project(middle) + step, line.length))
    dx = (after.x - before.x) * math.cos(math.radians(middle.y))
    dy = after.y - before.y
    angle = -math.degrees(math.atan2(dy, dx))
    if angle > 90:
        angle -= 180
    elif angle <= -90:
        angle += 180
    return Label(round(middle.x, 6), round(middle.y, 6), round(angle, 1))


@dataclass(frozen=True)
class StreetRow:
    name: str
    rank: int
    source: str
    wkb: bytes  # the line, as stored


@dataclass(frozen=True)
class AddressMark:
    address: str
    house_number: str
    lat: float
    long: float


class MapReferenceReads(Protocol):
    async def streets(self, box: BoundingBox, ranks: tuple[int, ...]) -> list[StreetRow]:
        """The streets of these ranks that cross the box."""
        ...

    async def addresses(self, box: BoundingBox, limit: int) -> list[AddressMark]:
        """Address points in the box, at most `limit`."""
        ...

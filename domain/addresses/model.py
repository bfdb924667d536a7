"""What a geocoder answers with, and what an address table holds."""

from dataclasses import dataclass


@dataclass(frozen=True)
class AddressCandidate:
    """One answer: a known address point and how well it matches the question (0..1)."""

    address: str
    zip: str | None
    lat: float
    long: float
    score: float


@dataclass(frozen=True)
class AddressPoint:
    """A row of the address table: the address as written (no city or state), zip, position."""

    address: str
    zip: str | None
    lat: float
    long: float

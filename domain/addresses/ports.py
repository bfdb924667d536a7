from typing import Protocol

from domain.addresses.csv_import import GeocoderIndex
from domain.addresses.model import AddressCandidate


class Geocoder(Protocol):
    async def search(self, query: str, limit: int = 5) -> list[AddressCandidate]:
        """Known addresses that match a typed one, best first (at most `limit`)."""
        ...

    async def reverse(
        self, lat: float, long: float, within_m: float = 100.0
    ) -> AddressCandidate | None:
        """The nearest known address within `within_m` metres, or None."""
        ...


class RefreshableGeocoder(Geocoder, GeocoderIndex, Protocol):
    """The geocoder each process holds: an in-memory index of the address table."""

"""The built-in geocoder: an address-point table searched in memory."""

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.read_models.addresses import AddressPointReader
from adapters.geocoding.geocoder import IndexedGeocoder

__all__ = ["IndexedGeocoder", "build_geocoder"]


def build_geocoder(engine: AsyncEngine, check_every: float = 1.0) -> IndexedGeocoder:
    return IndexedGeocoder(AddressPointReader(engine), check_every)

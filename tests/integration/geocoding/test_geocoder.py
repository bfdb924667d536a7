"""The live geocoder on the real PostgreSQL: loads lazily, follows imports, answers both ways."""

import asyncio

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.read_models.addresses import AddressPointReader
from adapters.db.repositories.addresses import address_rows, insert_address_rows
from adapters.geocoding import build_geocoder
from adapters.geocoding.geocoder import IndexedGeocoder
from adapters.geocoding.importer import import_addresses_csv
from domain.addresses.geodesy import destination
from domain.addresses.model import AddressCandidate, AddressPoint
from domain.addresses.ports import Geocoder

pytestmark = pytest.mark.usefixtures("seeded")

TWO = (
    "address,zip,lat,long\n"
    "1 Zyzzyva Way,21202,39.2900,-76.6100\n"
    "9 Quokka Ct,21218,39.3300,-76.6200\n"
)
NEVER = 3600.0  # a check interval longer than any test


class CountingReader(AddressPointReader):
    def __init__(self, engine: AsyncEngine) -> None:
        super().__init__(engine)
        self.loads = 0

    async def points(self) -> list[AddressPoint]:
        self.loads += 1
        return await super().points()


def best(found: list[AddressCandidate]) -> tuple[str, str | None, float] | None:
    return (found[0].address, found[0].zip, found[0].score) if found else None


async def test_it_is_a_geocoder_and_loads_the_demo_addresses_on_first_use(
    seeded: AsyncEngine,
) -> None:
    geocoder: Geocoder = build_geocoder(seeded)
    assert best(await geocoder.search("3400 Garrison Boulevard, Baltimore, MD")) == (
        "3400 GARRISON BLVD",
        "21215",
        1.0,
    )


async def test_concurrent_first_uses_load_once(seeded: AsyncEngine) -> None:
    reader = CountingReader(seeded)
    geocoder = IndexedGeocoder(reader, check_every=NEVER)
    answers = await asyncio.gather(*(geocoder.search("3400 Garrison Blvd") for _ in range(5)))
    assert {best(a) for a in answers} == {("3400 GARRISON BLVD", "21215", 1.0)}
    assert reader.loads == 1


async def test_an_import_by_another_process_shows_at_the_next_check(seeded: AsyncEngine) -> None:
    reader = CountingReader(seeded)
    watching, idle = IndexedGeocoder(reader, check_every=0.0), build_geocoder(seeded, NEVER)
    assert best(await watching.search("1 Zyzzyva Way")) is None
    assert best(await idle.search("1 Zyzzyva Way")) is None

    await import_addresses_csv(seeded, TWO, replace=True)

    assert best(await watching.search("1 Zyzzyva Way")) == ("1 Zyzzyva Way", "21202", 1.0)
    assert best(await idle.search("1 Zyzzyva Way")) is None  # checks at most every NEVER seconds
    await idle.refresh()
    assert best(await idle.search("1 Zyzzyva Way")) == ("1 Zyzzyva Way", "21202", 1.0)
    assert reader.loads == 2


async def test_an_unchanged_table_is_not_reloaded(seeded: AsyncEngine) -> None:
    reader = CountingReader(seeded)
    geocoder = IndexedGeocoder(reader, check_every=0.0)
    for _ in range(3):
        await geocoder.search("1 Zyzzyva Way")
    await geocoder.refresh()
    assert reader.loads == 1
    await geocoder.refresh(force=True)
    assert reader.loads == 2


async def test_rows_added_without_an_import_are_seen_too(seeded: AsyncEngine) -> None:
    """The demo loader inserts its rows without bumping the version: the newest id tells."""
    geocoder = build_geocoder(seeded, check_every=0.0)
    assert best(await geocoder.search("77 Quixotic Ln")) is None
    async with seeded.begin() as db:
        await insert_address_rows(
            db, address_rows([AddressPoint("77 Quixotic Ln", None, 39.3, -76.6)])
        )
    assert best(await geocoder.search("77 Quixotic Ln")) == ("77 Quixotic Ln", None, 1.0)


async def test_reverse_finds_the_nearest_address_within_100_m(seeded: AsyncEngine) -> None:
    await import_addresses_csv(seeded, TWO, replace=True)
    geocoder = build_geocoder(seeded)
    lat, long = destination(39.2900, -76.6100, 45.0, 25.0)

    found = await geocoder.reverse(lat, long)

    assert found is not None
    assert (found.address, found.zip, found.lat, found.long) == (
        "1 Zyzzyva Way",
        "21202",
        39.29,
        -76.61,
    )
    assert found.score == 0.75
    far = destination(39.2900, -76.6100, 45.0, 101.0)
    assert await geocoder.reverse(*far) is None
    assert await geocoder.reverse(*far, within_m=150.0) is not None


async def test_reverse_keeps_its_reach_small(seeded: AsyncEngine) -> None:
    geocoder = build_geocoder(seeded)
    for reach in (0.0, -1.0, 1000.5):
        with pytest.raises(ValueError, match="within_m must be in"):
            await geocoder.reverse(39.29, -76.61, within_m=reach)

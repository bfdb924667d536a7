"""The CSV importer and its command on the real PostgreSQL."""

import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.repositories.addresses import VERSION_KEY
from adapters.db.tables.addresses import address_points
from adapters.db.tables.app_state import app_state
from adapters.geocoding.importer import import_addresses_csv
from domain.addresses.csv_import import ImportResult, RejectedRow
from domain.shared.errors import ValidationFailed

pytestmark = pytest.mark.usefixtures("seeded")

REPO = Path(__file__).resolve().parents[3]

GOOD = """address,zip,lat,long
100 N Holliday St,21202,39.2909,-76.6104
"LIGHT ST & E MONTGOMERY ST, BALTIMORE, MD",21230,39.2788,-76.6130
2020 East North Avenue,,39.3114,-76.5870
"""


async def table(engine: AsyncEngine) -> list[tuple[Any, ...]]:
    query = select(
        address_points.c.key,
        address_points.c.address,
        address_points.c.normalized,
        address_points.c.house_number,
        address_points.c.street,
        address_points.c.zip,
        address_points.c.lat,
        address_points.c.long,
    ).order_by(address_points.c.key)
    async with engine.connect() as db:
        return [tuple(row) for row in (await db.execute(query)).all()]


async def version(engine: AsyncEngine) -> Any:
    async with engine.connect() as db:
        query = select(app_state.c.value).where(app_state.c.key == VERSION_KEY)
        return (await db.execute(query)).scalar_one_or_none()


async def test_an_import_stores_each_address_with_its_standard_form(seeded: AsyncEngine) -> None:
    result = await import_addresses_csv(seeded, GOOD, replace=True)

    assert result == ImportResult(imported=3, skipped=0, rejected=[])
    assert await table(seeded) == [
        ("100 N HOLLIDAY ST|21202", "100 N Holliday St", "100 N HOLLIDAY ST", "100",
         "N HOLLIDAY ST", "21202", 39.2909, -76.6104),
        ("2020 E NORTH AVE|", "2020 East North Avenue", "2020 E NORTH AVE", "2020",
         "E NORTH AVE", None, 39.3114, -76.587),
        ("E MONTGOMERY ST & LIGHT ST|21230", "LIGHT ST & E MONTGOMERY ST",
         "E MONTGOMERY ST & LIGHT ST", "", "E MONTGOMERY ST & LIGHT ST", "21230", 39.2788,
         -76.613),
    ]  # fmt: skip


async def test_bad_rows_are_skipped_and_reported_with_their_line(seeded: AsyncEngine) -> None:
    text = (
        "Address,ZIP,Lat,Long,notes\n"  # any case, any order, extra columns ignored
        "100 N Holliday St,21202,39.2909,-76.6104,city hall\n"
        ",21202,39.29,-76.61,\n"
        "1 Main St,21202,91,-76.61,\n"
        "2 Main St,2120,39.29,-76.61,\n"
        "3 Main St,21202,north,-76.61,\n"
        "4 Main St,21202,39.29\n"
        "5 Main St,21202-0001,39.29,-76.61,\n"
    )
    result = await import_addresses_csv(seeded, text, replace=True)

    assert result == ImportResult(
        imported=2,
        skipped=5,
        rejected=[
            RejectedRow(3, "the address is empty"),
            RejectedRow(4, "lat must be between -90 and 90"),
            RejectedRow(5, "zip '2120' is not a US ZIP code"),
            RejectedRow(6, "lat 'north' is not a number"),
            RejectedRow(7, "long '' is not a number"),
        ],
    )
    assert [row[0] for row in await table(seeded)] == ["100 N HOLLIDAY ST|21202", "5 MAIN ST|21202"]


async def test_only_the_first_twenty_bad_rows_are_reported(seeded: AsyncEngine) -> None:
    text = "address,zip,lat,long\n" + "".join(f"{n} Main St,,x,0\n" for n in range(30))
    result = await import_addresses_csv(seeded, text, replace=True)
    assert (result.imported, result.skipped, len(result.rejected)) == (0, 30, 20)
    assert result.rejected[-1] == RejectedRow(21, "lat 'x' is not a number")


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("", "address, zip, lat, long"),
        ("street,zip,lat,long\n1 Main St,21202,39.29,-76.61\n", "address"),
        ("address;zip;lat;long\n", "address, zip, lat, long"),
    ],
)
async def test_a_wrong_header_refuses_the_whole_file(
    seeded: AsyncEngine, text: str, missing: str
) -> None:
    before = await table(seeded)
    with pytest.raises(ValidationFailed, match=f"missing: {missing}$"):
        await import_addresses_csv(seeded, text, replace=True)
    assert await table(seeded) == before
    assert await version(seeded) is None


async def test_a_row_the_csv_reader_cannot_read_refuses_the_file(seeded: AsyncEngine) -> None:
    text = "address,zip,lat,long\n" + '"' + "x" * 200_000 + '",21202,1,1\n'
    with pytest.raises(ValidationFailed, match=r"^body: line 2: field larger than field limit"):
        await import_addresses_csv(seeded, text, replace=False)


async def test_without_replace_rows_are_added_or_update_their_address(
    seeded: AsyncEngine,
) -> None:
    await import_addresses_csv(seeded, GOOD, replace=True)
    update = (
        "address,zip,lat,long\n"
        "100 NORTH HOLLIDAY STREET,21202,39.3,-76.7\n"  # the same address: moved, respelled
        "100 N Holliday St,21201,39.1,-76.1\n"  # another zip: another address
    )
    assert await import_addresses_csv(seeded, update, replace=False) == ImportResult(2, 0, [])

    rows = {row[0]: row for row in await table(seeded)}
    assert len(rows) == 4
    assert rows["100 N HOLLIDAY ST|21202"][1:] == (
        "100 NORTH HOLLIDAY STREET", "100 N HOLLIDAY ST", "100", "N HOLLIDAY ST", "21202",
        39.3, -76.7,
    )  # fmt: skip
    assert rows["100 N HOLLIDAY ST|21201"][6:] == (39.1, -76.1)


async def test_replace_empties_the_table_first(seeded: AsyncEngine) -> None:
    assert len(await table(seeded)) == 8115  # the demo addresses
    await import_addresses_csv(seeded, GOOD, replace=True)
    await import_addresses_csv(seeded, "address,zip,lat,long\n1 Main St,,1,2\n", replace=True)
    assert [row[0] for row in await table(seeded)] == ["1 MAIN ST|"]
    await import_addresses_csv(seeded, "address,zip,lat,long\n", replace=True)
    assert await table(seeded) == []


async def test_a_repeated_address_in_one_file_keeps_the_last(seeded: AsyncEngine) -> None:
    text = "address,zip,lat,long\n1 Main St,,1,2\n1 MAIN STREET,,3,4\n"
    assert await import_addresses_csv(seeded, text, replace=True) == ImportResult(2, 0, [])
    assert await table(seeded) == [
        ("1 MAIN ST|", "1 MAIN STREET", "1 MAIN ST", "1", "MAIN ST", None, 3.0, 4.0)
    ]


async def test_each_import_bumps_the_version(seeded: AsyncEngine) -> None:
    assert await version(seeded) is None
    await import_addresses_csv(seeded, GOOD, replace=True)
    first = await version(seeded)
    await import_addresses_csv(seeded, io.StringIO(GOOD), replace=False)  # a file object
    second = await version(seeded)
    assert (first["version"], second["version"]) == (1, 2)
    assert first["token"] != second["token"]


def run_command(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "adapters.geocoding.import_csv", *args]
    return subprocess.run(  # noqa: S603 - our own module, arguments made by the test
        command, cwd=REPO, env=env, capture_output=True, text=True, check=False
    )


def test_the_command_imports_a_file(seeded: AsyncEngine, database_url: str, tmp_path: Path) -> None:
    path = tmp_path / "addresses.csv"
    path.write_text("\ufeff" + GOOD + "9 Nowhere,21202,1000,0\n", encoding="utf-8")
    env = {**os.environ, "DATABASE_URL": database_url}

    done = run_command([str(path), "--replace"], env)

    assert (done.returncode, done.stdout, done.stderr) == (
        0,
        "imported 3 rows, skipped 1\n",
        "line 5: lat must be between -90 and 90\n",
    )


def test_the_command_refuses_a_wrong_header(database_url: str, tmp_path: Path) -> None:
    path = tmp_path / "addresses.csv"
    path.write_text("street,lat,long\n", encoding="utf-8")
    env = {**os.environ, "DATABASE_URL": database_url}

    done = run_command([str(path)], env)

    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        "import refused: header: the first line must name the columns address, zip, lat, long;"
        " missing: address, zip\n"
    )


def test_the_command_needs_a_database_url(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    done = run_command([str(tmp_path / "x.csv")], env)
    assert (done.returncode, done.stderr) == (
        2,
        "set DATABASE_URL to the PostgreSQL database to import into\n",
    )

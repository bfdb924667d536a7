"""The history import on the real PostgreSQL, with the demo catalog and boundary layers."""

import csv
import gzip
import io
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.repositories.history_writer import BatchWriter, SourceBusy, pg_time
from adapters.history.importer import import_requests
from adapters.history.mapping_files import load_mapping
from api.cli import main as frontdoor
from domain.history.rows import BadRow
from tests.shared_data import SHARED_DATA

BALTIMORE = SHARED_DATA / "service_requests" / "baltimore_311_sample_2014_2019.csv.gz"
BOSTON = SHARED_DATA / "service_requests" / "boston_311_open_cases_2025.csv.gz"


async def scalar(engine: AsyncEngine, sql: str) -> Any:
    async with engine.connect() as db:
        return await db.scalar(text(sql))


async def test_the_baltimore_sample_imports_whole_and_a_second_run_adds_nothing(
    seeded_with_layers: AsyncEngine,
) -> None:
    engine, mapping = seeded_with_layers, load_mapping("baltimore")
    seen: list[tuple[int, int, int]] = []
    first = await import_requests(
        engine, BALTIMORE, mapping, batch_rows=3000, progress=lambda *p: seen.append(p)
    )
    assert (first.read, first.imported, first.skipped_existing, first.bad) == (
        10_000,
        10_000,
        0,
        [],
    )
    assert [rows for rows, _, _ in seen] == [3000, 6000, 9000, 10_000]
    assert seen[-1][1] == seen[-1][2] == BALTIMORE.stat().st_size
    assert first.created == ["department 'imported'", "service 'imported-other' (inactive)"]
    assert await scalar(engine, "SELECT count(*) FROM service_requests") == 10_000
    again = await import_requests(engine, BALTIMORE, mapping)
    assert (again.read, again.imported, again.skipped_existing) == (10_000, 0, 10_000)
    assert again.created == []
    assert await scalar(engine, "SELECT count(*) FROM service_requests") == 10_000
    assert await scalar(engine, "SELECT count(*) FROM imported_requests") == 10_000


async def test_imported_rows_keep_the_source_and_are_placed_on_the_map(
    seeded_with_layers: AsyncEngine,
) -> None:
    await import_requests(seeded_with_layers, BALTIMORE, load_mapping("baltimore"))
    async with seeded_with_layers.connect() as db:
        row = (
            await db.execute(
                text(
                    "SELECT r.*, i.source, i.source_type FROM service_requests r"
                    " JOIN imported_requests i ON i.request_id = r.id"
                    " WHERE r.external_id = '14-00293539'"
                )
            )
        ).one()
        placeholders = await db.scalar(
            text("SELECT count(*) FROM service_requests WHERE lat = 39 AND long = -77")
        )
        unplaced = await db.scalar(
            text("SELECT count(*) FROM service_requests WHERE lat IS NULL AND areas <> '[]'")
        )
    # 14-00293539,14-00293539,SW-Bulk Scheduled,Phone,04/22/2014 01:07:39 PM,Closed,...
    assert row.id.startswith("14-") and len(row.id) == 11
    assert (row.source, row.source_type) == ("baltimore-311", "SW-Bulk Scheduled")
    assert (row.service_code, row.department_code) == ("sw-bulk-scheduled", "solid-waste")
    assert (row.status, row.close_reason, row.channel) == ("closed", "resolved", "phone")
    assert row.requested_at.isoformat() == "2014-04-22T17:07:39+00:00"
    assert row.closed_at.isoformat() == "2014-05-05T15:08:16+00:00"
    assert row.expected_at.isoformat() == "2014-07-21T17:07:39+00:00"
    assert (row.sla_target_hours, row.sla_calendar) == (576.0, "business")
    layers = {area["layer"]: area["name"] for area in row.areas}
    assert layers["neighborhoods"] == "Lakeland"  # the CSV's Neighborhood column
    assert layers["council-districts"].endswith("10")  # CouncilDistrict 10
    assert "baltimore-city" in layers
    assert placeholders == 0 and unplaced == 0
    assert row.change_xid > 0


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    header, _ = read_sample_header()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def read_sample_header() -> tuple[list[str], list[list[str]]]:
    with gzip.open(BALTIMORE, "rt", encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        return header, [next(reader) for _ in range(5)]


async def test_bad_rows_are_reported_with_their_line_and_the_rest_goes_in(
    seeded_with_layers: AsyncEngine, tmp_path: Path
) -> None:
    header, sample = read_sample_header()
    at = {name: i for i, name in enumerate(header)}
    lost, early, multiline = list(sample[1]), list(sample[2]), list(sample[3])
    lost[at["SRStatus"]] = "Lost"
    early[at["CloseDate"]] = "01/01/2000 10:00:00 AM"
    multiline[at["Address"]] = "12 S STOCKTON ST\nBALTIMORE, MD"  # a quoted field over 2 lines
    rows = [sample[0], lost, multiline, early, sample[4][:-3], sample[0]]
    path = write_csv(tmp_path / "bad.csv", rows)
    reported: list[BadRow] = []
    summary = await import_requests(
        seeded_with_layers, path, load_mapping("baltimore"), bad_row=reported.append
    )
    assert (
        reported
        == summary.bad
        == [
            BadRow(3, "status 'Lost' is not in the mapping"),
            BadRow(6, "was closed (2000-01-01T10:00:00-05:00) before it was created"),
            BadRow(7, "has 23 fields where the header has 26"),
        ]
    )
    assert (summary.read, summary.imported, summary.skipped_existing) == (6, 2, 1)
    assert (
        await scalar(
            seeded_with_layers,
            "SELECT address FROM service_requests WHERE external_id = "
            f"'{multiline[at['ServiceRequestNum']]}'",
        )
        == "12 S STOCKTON ST\nBALTIMORE, MD"
    )


async def test_a_row_the_csv_reader_refuses_is_bad_and_reading_goes_on(
    seeded_with_layers: AsyncEngine, tmp_path: Path
) -> None:
    header, sample = read_sample_header()
    huge = list(sample[1])
    huge[header.index("Address")] = "x" * 200_000  # over the csv module's field limit
    path = write_csv(tmp_path / "huge.csv", [sample[0], huge, sample[2]])
    summary = await import_requests(seeded_with_layers, path, load_mapping("baltimore"))
    assert summary.bad == [BadRow(3, "is not valid CSV (field larger than field limit (131072))")]
    assert (summary.read, summary.imported) == (3, 2)


async def test_a_batch_that_fails_leaves_nothing_behind(seeded_with_layers: AsyncEngine) -> None:
    """Two rows with one id in a batch break the provenance key: the whole batch goes."""
    import asyncpg

    first = await import_requests(seeded_with_layers, BALTIMORE, load_mapping("baltimore"))
    assert first.imported == 10_000
    async with seeded_with_layers.connect() as db:
        raw = (await db.get_raw_connection()).driver_connection
        records = await raw.fetch(
            "SELECT r.external_id || 'x', i.source_type, r.service_code, r.department_code,"
            " r.status, r.close_reason, r.channel, r.requested_at, r.updated_at, r.closed_at,"
            " r.expected_at, r.on_hold_since, r.description, r.address, r.lat, r.long,"
            " r.areas::text FROM service_requests r JOIN imported_requests i"
            " ON i.request_id = r.id ORDER BY r.id LIMIT 3"
        )
        rows = [tuple(pg_time(v) if isinstance(v, datetime) else v for v in r) for r in records]
        async with BatchWriter(raw, "twice") as writer:
            with pytest.raises(asyncpg.UniqueViolationError):
                await writer.write([*rows, rows[0]])
            assert await writer.write(rows) == 3
            assert await writer.write(rows) == 0  # written once, known from then on
    assert (
        await scalar(
            seeded_with_layers, "SELECT count(*) FROM imported_requests WHERE source = 'twice'"
        )
        == 3
    )
    assert await scalar(seeded_with_layers, "SELECT count(*) FROM service_requests") == 10_003


async def test_the_boston_sample_imports_with_its_mapping(seeded_with_layers: AsyncEngine) -> None:
    summary = await import_requests(seeded_with_layers, BOSTON, load_mapping("boston"))
    assert (summary.read, summary.imported, summary.bad) == (2424, 2424, [])
    async with seeded_with_layers.connect() as db:
        counted = await db.execute(
            text("SELECT service_code, count(*) FROM service_requests GROUP BY 1")
        )
        services = {code: count for code, count in counted}
        row = (
            await db.execute(
                text("SELECT * FROM service_requests WHERE external_id = '101005838416'")
            )
        ).one()
    # Sidewalk Repair (Make Safe) 1737 + Sidewalk Repair 10; Street Light Outages 661.
    assert services == {
        "trm-street-repairs": 1747,
        "bge-stlights-out": 661,
        "imported-other": 16,
    }
    assert row.address == "INTERSECTION of City Sq & Harvard St  Charlestown  MA"
    assert (row.channel, row.status, row.areas) == ("internal", "acknowledged", [])
    assert row.department_code == "bge"  # the service's: Boston lies outside every demo layer
    assert row.requested_at.isoformat() == "2025-01-01T12:15:40+00:00"


def test_the_command_reports_bad_rows_on_stderr_and_sums_up(
    seeded_with_layers: AsyncEngine,
    database_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, sample = read_sample_header()
    header, _ = read_sample_header()
    lost = list(sample[1])
    lost[header.index("SRStatus")] = "Lost"
    path = write_csv(tmp_path / "three.csv", [sample[0], lost, sample[2]])
    monkeypatch.setenv("DATABASE_URL", database_url)
    assert frontdoor(["import-requests", str(path), "--mapping", "baltimore"]) == 0
    out, err = capsys.readouterr()
    assert "line 3: status 'Lost' is not in the mapping\n" in err
    assert err.rstrip().endswith("0:00 left")  # not a terminal: the final line only
    assert out.splitlines()[-5:] == [
        out.splitlines()[-5],
        "imported 2",
        "skipped (already imported) 0",
        "bad 1",
        "  line 3: status 'Lost' is not in the mapping",
    ]
    assert out.splitlines()[-5].startswith("read 3 rows in ")


def test_the_command_refuses_an_unknown_mapping_or_a_missing_file(
    database_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("DATABASE_URL", database_url)
    assert frontdoor(["import-requests", str(BALTIMORE), "--mapping", "atlantis"]) == 2
    assert "no mapping file 'atlantis' (shipped: baltimore, boston)" in capsys.readouterr().err
    assert frontdoor(["import-requests", str(tmp_path / "none.csv"), "--mapping", "boston"]) == 2
    assert "no such file" in capsys.readouterr().err
    missing = database_url.rsplit("/", 1)[0] + "/frontdoor_no_such_database"
    monkeypatch.setenv("DATABASE_URL", missing)
    assert frontdoor(["import-requests", str(BALTIMORE), "--mapping", "baltimore"]) == 1
    assert "import failed: " in capsys.readouterr().err
    monkeypatch.delenv("DATABASE_URL")
    monkeypatch.delenv("FRONTDOOR_DATABASE_URL", raising=False)
    assert frontdoor(["import-requests", str(BALTIMORE), "--mapping", "boston"]) == 2
    assert "set DATABASE_URL" in capsys.readouterr().err


async def test_routing_rules_place_rows_as_they_place_new_requests(
    seeded_with_layers: AsyncEngine,
) -> None:
    """A rule sends dirty alleys inside the city to Transportation; without a point a row
    keeps its service's department."""
    async with seeded_with_layers.begin() as db:
        await db.execute(
            text(
                "INSERT INTO routing_rules (priority, service_code, layer_slug, department_code)"
                " VALUES (1, 'sw-dirty-alley', 'baltimore-city', 'transportation')"
            )
        )
    await import_requests(seeded_with_layers, BALTIMORE, load_mapping("baltimore"))
    async with seeded_with_layers.connect() as db:
        placed = await db.execute(
            text(
                'SELECT lat IS NOT NULL AND areas @> \'[{"layer": "baltimore-city"}]\','
                " department_code, count(*) FROM service_requests"
                " WHERE service_code = 'sw-dirty-alley' GROUP BY 1, 2"
            )
        )
        counts = {(in_city, department): n for in_city, department, n in placed}
    assert set(counts) == {(True, "transportation"), (False, "solid-waste")}
    assert counts[True, "transportation"] > 100


async def test_a_second_import_of_the_same_source_at_once_is_refused(
    seeded_with_layers: AsyncEngine,
) -> None:
    async with seeded_with_layers.connect() as first, seeded_with_layers.connect() as second:
        one = (await first.get_raw_connection()).driver_connection
        other = (await second.get_raw_connection()).driver_connection
        async with BatchWriter(one, "baltimore"):
            with pytest.raises(SourceBusy, match="another import of source 'baltimore'"):
                async with BatchWriter(other, "baltimore"):
                    pass
        async with BatchWriter(other, "baltimore"):
            pass  # the first let go of the source when it was done


async def test_a_role_that_may_not_skip_triggers_imports_alike_and_a_gone_code_is_refused(
    seeded_with_layers: AsyncEngine,
) -> None:
    """The writer skips the foreign-key triggers only where the role may; either way it
    checks the codes itself, so a row naming a service the catalog lost is refused whole."""
    import os
    from datetime import UTC, datetime

    import asyncpg

    from adapters.db.repositories.history_writer import CatalogChanged

    engine, role = seeded_with_layers, f"history_writer_{os.getpid()}"
    service, department = await scalar(
        engine, "SELECT array[code, department_code] FROM services LIMIT 1"
    )
    async with engine.begin() as db:
        for statement in (
            f'CREATE ROLE "{role}" LOGIN',
            f'GRANT ALL ON ALL TABLES IN SCHEMA public TO "{role}"',
            f'GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO "{role}"',
        ):
            await db.execute(text(statement))
    url = engine.url.set(username=role).render_as_string(hide_password=False)
    connection = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://"))
    at = pg_time(datetime(2019, 5, 1, 12, tzinfo=UTC))
    row = ("R-1", "Pothole", service, department, "open", None, "phone", at, at)
    rest = (None, None, None, "Pothole at 5th", "1 Main St", None, None, "[]")
    try:
        async with BatchWriter(connection, "restricted") as writer:
            assert writer.skips_triggers is False
            assert await writer.write([(*row, *rest)]) == 1
            gone = ("R-2", "Pothole", "no-such-service", department, *row[4:])
            with pytest.raises(CatalogChanged, match="no-such-service"):
                await writer.write([(*gone, *rest)])
    finally:
        await connection.close()
        async with engine.begin() as db:
            await db.execute(text(f'DROP OWNED BY "{role}"'))
            await db.execute(text(f'DROP ROLE "{role}"'))
    assert await scalar(engine, "SELECT count(*) FROM imported_requests") == 1
    assert (
        await scalar(
            engine,
            "SELECT id ~ '^19-[0-9]{8}$' FROM service_requests r"
            " JOIN imported_requests i ON i.request_id = r.id",
        )
        is True
    )


def test_the_command_says_so_when_the_source_is_being_imported_already(
    seeded_with_layers: AsyncEngine,
    database_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import asyncio
    import threading

    import asyncpg

    holding, release = threading.Event(), threading.Event()

    async def hold_the_source() -> None:
        connection = await asyncpg.connect(database_url.replace("+asyncpg", ""))
        await connection.fetchval(
            "SELECT pg_advisory_lock(hashtextextended('frontdoor.history:baltimore-311', 0))"
        )
        holding.set()
        await asyncio.to_thread(release.wait)
        await connection.close()

    other = threading.Thread(target=asyncio.run, args=(hold_the_source(),))
    other.start()
    try:
        assert holding.wait(10)
        _, sample = read_sample_header()
        path = write_csv(tmp_path / "one.csv", [sample[0]])
        monkeypatch.setenv("DATABASE_URL", database_url)
        assert frontdoor(["import-requests", str(path), "--mapping", "baltimore"]) == 1
    finally:
        release.set()
        other.join()
    _, err = capsys.readouterr()
    assert err.strip() == "import failed: another import of source 'baltimore-311' is running"

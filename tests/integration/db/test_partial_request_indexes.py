"""The request indexes that hold open or set rows only (migrations 0027 and 0034): the rows
left out, and the duplicate check still reading its index when the plan is generic."""

import pytest
from sqlalchemy import text
from sqlalchemy.dialects.postgresql.asyncpg import dialect as asyncpg_dialect
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.read_models.duplicates import nearby_query
from domain.requests.duplicates import DuplicatePolicy, Probe
from domain.requests.model import CloseReason, Location, Status
from domain.requests.nearby import NearbyQuery
from tests.integration.builders import T0, add_requests, make_request

pytestmark = pytest.mark.usefixtures("seeded")

PARTIAL = {
    "ix_service_requests_assignee_id": "(assignee_id IS NOT NULL)",
    "ix_service_requests_duplicate_of": "(duplicate_of IS NOT NULL)",
    "ix_service_requests_resident_id": "(resident_id IS NOT NULL)",
    "ix_service_requests_status": "(status <> 'closed'::text)",
    "ix_service_requests_lat_long": "(status <> 'closed'::text)",
    "ix_service_requests_open_points": "(status <> 'closed'::text)",
}


async def test_the_indexes_leave_out_closed_or_unset_rows(seeded: AsyncEngine) -> None:
    async with seeded.connect() as db:
        rows = await db.execute(
            text("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'service_requests'")
        )
        definitions = {name: definition for name, definition in rows}
    for name, condition in PARTIAL.items():
        assert definitions[name].endswith(f"WHERE {condition}"), definitions[name]
    assert "ix_service_requests_service_code" not in definitions  # the nearby index serves
    assert "(service_code, status, requested_at)" in definitions["ix_service_requests_nearby"]


async def test_a_generic_duplicate_check_reads_the_open_points_index(seeded: AsyncEngine) -> None:
    closed = [
        make_request(
            f"26-{i:08d}",
            status=Status.CLOSED,
            close_reason=CloseReason.RESOLVED,
            location=Location(39.28 + i * 1e-5, -76.61),
        )
        for i in range(1, 3001)
    ]
    await add_requests(
        seeded, *closed, make_request("26-00009999", location=Location(39.29, -76.61))
    )
    async with seeded.connect() as db:
        await db.execute(text("ANALYZE service_requests"))
    probe = Probe(39.29, -76.61, "trm-pothole-repair", "Deep pothole")
    query = nearby_query(NearbyQuery(probe, DuplicatePolicy(), T0))
    compiled = query.compile(dialect=asyncpg_dialect(), compile_kwargs={"render_postcompile": True})
    arguments = [compiled.params[name] for name in compiled.positiontup or []]
    async with seeded.connect() as db:
        raw = (await db.get_raw_connection()).driver_connection
        assert raw is not None
        await raw.execute("SET plan_cache_mode = force_generic_plan")
        await raw.execute(f"PREPARE duplicates AS {compiled}")
        literals = ", ".join("'" + str(value).replace("'", "''") + "'" for value in arguments)
        rows = await raw.fetch(f"EXPLAIN EXECUTE duplicates({literals})")
        plan = "\n".join(row[0] for row in rows)
    assert "ix_service_requests_open_points" in plan, plan

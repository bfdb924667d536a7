"""The duplicate check at a storm's crowded block: 10,000 open requests of the service within
200 m of the point. The query reads the nearest from the GiST index and stops after the rows it
keeps, so the work per create does not grow with the crowd (rows, not seconds, are asserted:
the machine is shared)."""

import json
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.dialects.postgresql.asyncpg import dialect as asyncpg_dialect
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.read_models.duplicates import NEAREST_OPEN, DuplicateReadModel, nearby_query
from domain.requests.duplicates import DuplicatePolicy, Probe
from domain.requests.model import Location
from domain.requests.nearby import NearbyQuery
from tests.integration.builders import T0, add_requests, make_request
from tests.statements import statements

pytestmark = pytest.mark.usefixtures("seeded")

LAT, LONG = 39.2904, -76.6122
CROWD = 10_000
METRES_PER_DEGREE = 6_371_008.8 * 3.141592653589793 / 180


async def _crowd(engine: AsyncEngine) -> None:
    """One request written the ordinary way, then copied CROWD times at random points of the
    200 m disc around it, reported over the past week."""
    await add_requests(engine, make_request("26-00000001", location=Location(LAT, LONG)))
    async with engine.begin() as db:
        names = await db.execute(
            text(
                "SELECT column_name FROM information_schema.columns"
                " WHERE table_name = 'service_requests' AND table_schema = current_schema()"
            )
        )
        columns = [name for (name,) in names]
        changed = {
            "id": "'26-' || lpad((g + 1)::text, 8, '0')",
            "lat": f"lat + sqrt(r) * 200 / {METRES_PER_DEGREE} * cos(a)",
            "long": f"long + sqrt(r) * 200 / {METRES_PER_DEGREE} * sin(a) / cos(radians(lat))",
            "requested_at": "requested_at - g * interval '1 minute'",
            "description": "'Pothole number ' || g",
        }
        values = ", ".join(changed.get(c, c) for c in columns)
        await db.execute(
            text(
                f"INSERT INTO service_requests ({', '.join(columns)}) SELECT {values}"
                " FROM service_requests,"
                " LATERAL (SELECT g, random() AS r, random() * 2 * pi() AS a"
                f" FROM generate_series(1, {CROWD}) AS g) AS crowd"
                " WHERE id = '26-00000001'"
            )
        )
        await db.execute(text("ANALYZE service_requests"))


def _query() -> NearbyQuery:
    probe = Probe(LAT, LONG, "trm-pothole-repair", "Deep pothole")
    return NearbyQuery(probe, DuplicatePolicy(radius_m=200), T0, exclude="26-00000000")


async def _explain(engine: AsyncEngine, generic: bool) -> dict[str, Any]:
    query = nearby_query(_query())
    compiled = query.compile(dialect=asyncpg_dialect(), compile_kwargs={"render_postcompile": True})
    arguments = [compiled.params[name] for name in compiled.positiontup or []]
    literals = ", ".join("'" + str(value).replace("'", "''") + "'" for value in arguments)
    async with engine.connect() as db:
        raw = (await db.get_raw_connection()).driver_connection
        assert raw is not None
        mode = "force_generic_plan" if generic else "force_custom_plan"
        await raw.execute(f"SET plan_cache_mode = {mode}")
        await raw.execute(f"PREPARE crowded AS {compiled}")
        try:
            rows = await raw.fetch(
                f"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) EXECUTE crowded({literals})"
            )
        finally:
            await raw.execute("DEALLOCATE crowded")
            await raw.execute("RESET plan_cache_mode")
    plan = rows[0][0]
    return dict((json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"])


def _request_rows_read(node: dict[str, Any]) -> int:
    """Rows the plan's scans of service_requests produced or threw away."""
    read = 0
    if node.get("Relation Name") == "service_requests":
        loops = node.get("Actual Loops", 1)
        read += (node["Actual Rows"] + node.get("Rows Removed by Filter", 0)) * loops
        read += node.get("Rows Removed by Index Recheck", 0)
    return read + sum(_request_rows_read(child) for child in node.get("Plans", []))


def _scans(node: dict[str, Any]) -> list[str]:
    found = [f"{node['Node Type']} {node.get('Index Name', '')}".strip()]
    return found + [scan for child in node.get("Plans", []) for scan in _scans(child)]


@pytest.mark.parametrize("generic", [False, True], ids=["custom plan", "generic plan"])
async def test_a_crowded_point_reads_a_bounded_number_of_rows(
    seeded: AsyncEngine, generic: bool
) -> None:
    await _crowd(seeded)
    plan = await _explain(seeded, generic)
    assert "Index Scan ix_service_requests_open_points" in _scans(plan), _scans(plan)
    assert plan["Actual Rows"] == NEAREST_OPEN  # all of the service, in the window and radius
    assert _request_rows_read(plan) <= NEAREST_OPEN, _scans(plan)


async def test_a_crowded_point_still_ranks_the_nearest_in_one_query(seeded: AsyncEngine) -> None:
    await _crowd(seeded)
    model = DuplicateReadModel(seeded)
    with statements(seeded) as seen:
        matches = await model.nearby(_query())
    assert len(seen) == 1
    assert len(matches) == 10
    assert all(m.distance_m <= 200 for m in matches)
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)

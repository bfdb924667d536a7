"""In bench mode a create does all of its work: the figures measure the real path.

The product starts as `make bench` starts it (production settings, its own worker), wrk
sends the bench's own POST script for a second, and every request it created has its
timeline, its idempotency row, its contact record and an outbox job, which the worker has
processed, each exactly once.
"""

import asyncio
import time
from collections.abc import Iterator

import asyncpg
import pytest

from bench import hot_paths, wrk
from bench.dataset import database, plain, scattered_points, seed
from bench.outbox import PICKED_TWICE, QUEUED
from bench.processes import product
from bench.scale import SCALES

CREATED = "SELECT id FROM service_requests WHERE description = 'Benchmark pothole'"
COUNTS = f"""
WITH created AS ({CREATED})
SELECT
    (SELECT count(*) FROM created) AS requests,
    (SELECT count(*) FROM created c
     WHERE EXISTS (SELECT 1 FROM request_timeline t WHERE t.request_id = c.id)) AS with_timeline,
    (SELECT count(*) FROM created c
     WHERE EXISTS (SELECT 1 FROM cases k WHERE c.id = ANY(k.request_ids))) AS with_contact,
    (SELECT count(*) FROM idempotency_keys WHERE key LIKE 'bench-%' AND status = 201)
        AS idempotent_answers
"""
DISPATCHED = """
SELECT count(*) FILTER (WHERE status = 'successful'), count(*) FILTER (WHERE status = 'exception')
FROM pgqueuer_log WHERE entrypoint = 'events.dispatch'
"""


@pytest.fixture(scope="module")
def bench_database(pg_server: str) -> Iterator[str]:
    with database(pg_server, "bench_honest") as url:
        seed(url, SCALES["tiny"])
        yield url


async def _fetch(url: str, query: str) -> asyncpg.Record:
    connection = await asyncpg.connect(plain(url))
    try:
        return await connection.fetchrow(query)
    finally:
        await connection.close()


def _drained(url: str, within: float = 60) -> None:
    deadline = time.monotonic() + within
    while asyncio.run(_fetch(url, QUEUED))[0]:
        assert time.monotonic() < deadline, "the worker did not drain the outbox"
        time.sleep(0.5)
    time.sleep(2)  # pgqueuer logs a finished job a moment after deleting it


def test_a_bench_create_writes_everything_and_its_job_is_processed(bench_database: str) -> None:
    with product(bench_database) as app:
        headers = hot_paths.agent_headers(app.base)
        script = wrk.post_script(
            "/api/v1/requests", hot_paths.body_template(), scattered_points(50), headers
        )
        hot_paths.warm_up(app.base, headers)  # the first create loads the spatial index
        run = wrk.run("honest create", app.base, script, seconds=2, connections=2)
        _drained(bench_database)

    counts = asyncio.run(_fetch(bench_database, COUNTS))
    assert run.errors == 0
    assert counts["requests"] >= run.requests > 0
    assert counts["with_timeline"] == counts["requests"]
    assert counts["with_contact"] == counts["requests"]
    assert counts["idempotent_answers"] == counts["requests"]
    successful, failed = asyncio.run(_fetch(bench_database, DISPATCHED))
    assert failed == 0
    assert successful >= counts["requests"]  # one event per create at least
    assert asyncio.run(_fetch(bench_database, PICKED_TWICE))[0] == 0

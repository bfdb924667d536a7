"""The worker's side of the load: how long the outbox takes to drain, and that no job ran twice.

pgqueuer deletes a job from its queue table once done and logs each step in pgqueuer_log
(`picked`, then `successful` or `exception`), so the log tells whether any job was picked
up more than once.
"""

import asyncio
import time

import asyncpg

from bench.dataset import plain

POLL = 0.5
QUEUED = "SELECT count(*) FROM pgqueuer WHERE entrypoint = 'events.dispatch'"
PICKED_TWICE = """
SELECT count(*) FROM (
    SELECT job_id FROM pgqueuer_log WHERE status = 'picked' GROUP BY job_id HAVING count(*) > 1
) AS twice
"""
DONE_TWICE = """
SELECT count(*) FROM (
    SELECT job_id FROM pgqueuer_log WHERE status IN ('successful', 'exception')
    GROUP BY job_id HAVING count(*) > 1
) AS twice
"""
PROCESSED = """
SELECT count(*) FILTER (WHERE status = 'successful'),
       count(*) FILTER (WHERE status = 'exception')
FROM pgqueuer_log WHERE entrypoint = 'events.dispatch'
"""


async def _drain(url: str, within: float) -> dict[str, float]:
    connection = await asyncpg.connect(plain(url))
    try:
        backlog = await connection.fetchval(QUEUED)
        started = time.perf_counter()
        left = backlog
        for _ in range(int(within / POLL)):
            left = await connection.fetchval(QUEUED)
            if not left:
                break
            await asyncio.sleep(POLL)
        seconds = time.perf_counter() - started
        await asyncio.sleep(1.5)  # pgqueuer writes its log in small batches
        done, failed = await connection.fetchrow(PROCESSED)
        return {
            "outbox_backlog_after_load": backlog,
            "outbox_drain_s": round(seconds, 1),
            "outbox_left_undone": left,
            "outbox_jobs_successful": done,
            "outbox_jobs_failed": failed,
            "jobs_picked_twice": await connection.fetchval(PICKED_TWICE),
            "jobs_done_twice": await connection.fetchval(DONE_TWICE),
        }
    finally:
        await connection.close()


def drain(url: str, within: float = 300) -> dict[str, float]:
    return asyncio.run(_drain(url, within))

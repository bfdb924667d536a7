"""`python -m api worker`: the start of a background worker (`make worker`, and the one
`make run` starts beside the API). Its adapters are built in api/worker_bootstrap.py.

Run as many as the load needs, on any machine that reaches the database: pgqueuer hands
each job to one of them.
"""

import asyncio
import logging

from adapters.jobs.worker import run_worker
from api.settings import Settings
from api.worker_bootstrap import build_worker
from domain.shared.clock import Clock

log = logging.getLogger("frontdoor.worker")


async def serve(settings: Settings, clock: Clock | None = None, *, drain: bool = False) -> None:
    worker = build_worker(settings, clock)
    assert settings.database_url  # build_worker refuses to start without one
    try:
        await run_worker(settings.database_url, worker.jobs, worker.config, drain=drain)
    finally:
        await worker.close()


def main(settings: Settings) -> int:
    asyncio.run(serve(settings))
    return 0

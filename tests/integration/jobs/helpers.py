"""Run queued pgqueuer jobs by hand, so a test controls time (no worker, no sleeping)."""

import json
from dataclasses import dataclass
from datetime import timedelta
from uuid import uuid4

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.unit_of_work import SqlUnitOfWork
from adapters.jobs.codec import decode_delivery, decode_event
from adapters.jobs.outbox import DELIVER, DISPATCH
from adapters.jobs.worker import Jobs
from domain.shared.events import EventType
from domain.webhooks.model import Subscription, new_secret
from tests.integration.builders import T0


@dataclass(frozen=True)
class QueuedJob:
    entrypoint: str
    payload: bytes
    headers: dict[str, object]
    delay: timedelta  # execute_after - enqueued


async def take_jobs(engine: AsyncEngine) -> list[QueuedJob]:
    """Every queued job, removed from the queue, oldest first, whatever its due time."""
    async with engine.begin() as db:
        rows = await db.execute(
            text(
                "DELETE FROM pgqueuer WHERE status = 'queued' RETURNING id, entrypoint, payload,"
                " headers, execute_after - created AS delay"
            )
        )
        ordered = sorted(rows, key=lambda row: row.id)
    return [
        QueuedJob(
            row.entrypoint,
            row.payload,
            json.loads(row.headers) if isinstance(row.headers, str) else (row.headers or {}),
            row.delay,
        )
        for row in ordered
    ]


async def run_job(jobs: Jobs, job: QueuedJob) -> None:
    if job.entrypoint == DISPATCH:
        attempt = int(str(job.headers.get("attempt", 1)))
        await jobs.dispatcher.dispatch(decode_event(job.payload), attempt)
    elif job.entrypoint == DELIVER:
        await jobs.sender.deliver(*decode_delivery(job.payload))
    else:
        raise AssertionError(f"unexpected job {job.entrypoint}")


async def run_all(engine: AsyncEngine, jobs: Jobs) -> list[QueuedJob]:
    """Run jobs until none is left (retries included); returns every job run, in order."""
    done: list[QueuedJob] = []
    while batch := await take_jobs(engine):
        for job in batch:
            await run_job(jobs, job)
        done.extend(batch)
    return done


async def add_subscription(
    engine: AsyncEngine,
    *types: EventType,
    url: str = "https://partner.example.com/hook",
    department_code: str | None = None,
    service_codes: list[str] | None = None,
    active: bool = True,
) -> Subscription:
    subscription = Subscription(
        id=uuid4(),
        url=url,
        event_types=list(types) or list(EventType),
        secret=new_secret(),
        created_at=T0,
        updated_at=T0,
        department_code=department_code,
        service_codes=service_codes or [],
        active=active,
    )
    async with SqlUnitOfWork(engine) as uow:
        await uow.webhooks.add(subscription)
        await uow.commit()
    return subscription

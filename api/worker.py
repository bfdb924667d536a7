"""`python -m api worker`: the composition root of a background worker (`make worker`).

Run as many as the load needs, on any machine that reaches the database: pgqueuer hands
each job to one of them.
"""

import asyncio
import logging
from collections.abc import Callable
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.engine import make_engine
from adapters.jobs.http_client import webhook_client_factory
from adapters.jobs.worker import WorkerConfig, build_jobs, run_worker
from api.bootstrap import outbound_policy
from api.notifications import build_notification_subscribers
from api.settings import Settings
from domain.requests.escalation import EscalationPolicy
from domain.shared.clock import Clock, SystemClock
from domain.shared.events import EventSubscriber
from domain.webhooks.retry import RetryPolicy

log = logging.getLogger("frontdoor.worker")

SubscriberFactory = Callable[[Settings, AsyncEngine, Clock], tuple[str, EventSubscriber]]

# Every event goes to the built-in webhook fan-out and to each subscriber built here, in
# this order. The name is the subscriber's key in `handled_events`: never rename one.
EVENT_SUBSCRIBERS: list[SubscriberFactory] = [
    lambda settings, engine, clock: (
        "resident-notifications",
        _notifiers(settings, engine, clock)[0],
    ),
    lambda settings, engine, clock: ("manager-escalations", _notifiers(settings, engine, clock)[1]),
]


def _notifiers(settings: Settings, engine: AsyncEngine, clock: Clock) -> list[EventSubscriber]:
    return build_notification_subscribers(settings, engine, clock)


def worker_config(settings: Settings) -> WorkerConfig:
    return WorkerConfig(
        heartbeat_timeout=timedelta(seconds=settings.worker_heartbeat_seconds),
        escalation_cron=settings.escalation_cron or None,
        retry=RetryPolicy(
            base=timedelta(seconds=settings.webhook_retry_base_seconds),
            cap=timedelta(seconds=settings.webhook_retry_cap_seconds),
            window=timedelta(hours=settings.webhook_retry_window_hours),
        ),
        escalation=EscalationPolicy(
            due_soon_fraction=settings.escalation_due_soon_fraction,
            due_soon_within=timedelta(hours=settings.escalation_due_soon_hours),
        ),
    )


async def serve(settings: Settings, clock: Clock | None = None, *, drain: bool = False) -> None:
    if not settings.database_url:
        raise RuntimeError("DATABASE_URL is not set")
    clock = clock or SystemClock()
    engine = make_engine(settings.database_url, pool_size=5, max_overflow=5)
    config = worker_config(settings)
    subscribers = dict(factory(settings, engine, clock) for factory in EVENT_SUBSCRIBERS)
    client_factory = webhook_client_factory(
        settings.webhook_timeout_seconds, outbound_policy(settings)
    )
    jobs = build_jobs(engine, clock, client_factory, subscribers, config)
    try:
        await run_worker(settings.database_url, jobs, config, drain=drain)
    finally:
        await jobs.sender.aclose()
        await engine.dispose()


def main(settings: Settings) -> int:
    asyncio.run(serve(settings))
    return 0

"""`python -m api worker`: the composition root of a background worker (`make worker`).

Run as many as the load needs, on any machine that reaches the database: pgqueuer hands
each job to one of them.
"""

import asyncio
import logging
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.engine import make_engine
from adapters.jobs.http_client import webhook_client_factory
from adapters.jobs.worker import WorkerConfig, build_jobs, run_worker
from api.bootstrap import escalation_policy, outbound_policy
from api.notifications import build_notification_subscribers
from api.settings import Settings
from domain.shared.clock import Clock, SystemClock
from domain.shared.events import EventSubscriber
from domain.webhooks.retry import RetryPolicy

log = logging.getLogger("frontdoor.worker")

# The names are the subscribers' keys in `handled_events`: never rename one.
NOTIFIER_NAMES = ("resident-notifications", "manager-escalations")


def event_subscribers(
    settings: Settings, engine: AsyncEngine, clock: Clock
) -> dict[str, EventSubscriber]:
    """What every event goes to besides the built-in webhook fan-out, in this order."""
    notifiers = build_notification_subscribers(settings, engine, clock)
    return dict(zip(NOTIFIER_NAMES, notifiers, strict=True))


def worker_config(settings: Settings) -> WorkerConfig:
    return WorkerConfig(
        heartbeat_timeout=timedelta(seconds=settings.worker_heartbeat_seconds),
        escalation_cron=settings.escalation_cron or None,
        retention_cron=settings.retention_cron or None,
        retry=RetryPolicy(
            base=timedelta(seconds=settings.webhook_retry_base_seconds),
            cap=timedelta(seconds=settings.webhook_retry_cap_seconds),
            window=timedelta(hours=settings.webhook_retry_window_hours),
        ),
        escalation=escalation_policy(settings),
        retention=settings.retention_policy(),
    )


async def serve(settings: Settings, clock: Clock | None = None, *, drain: bool = False) -> None:
    if not settings.database_url:
        raise RuntimeError("DATABASE_URL is not set")
    clock = clock or SystemClock()
    engine = make_engine(settings.database_url, pool_size=5, max_overflow=5)
    config = worker_config(settings)
    subscribers = event_subscribers(settings, engine, clock)
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

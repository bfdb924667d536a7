"""The worker schedules the anonymization job when it has a cron and a policy, and not else."""

from datetime import UTC, datetime, timedelta

import httpx
from pgqueuer import AsyncpgDriver, PgQueuer
from pgqueuer.models import CronExpressionEntrypoint
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.jobs.outbox import ANONYMIZE, raw_connection
from adapters.jobs.worker import Jobs, WorkerConfig, register
from api.bootstrap import use_case_context
from api.worker_bootstrap import build_jobs
from domain.privacy.anonymization import AnonymizationPolicy
from domain.shared.clock import FixedClock

NOW = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
DAILY = "41 3 * * *"


def idle_webhook_client() -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.MockTransport(lambda _: httpx.Response(200)))


def jobs_with(engine: AsyncEngine, policy: AnonymizationPolicy | None) -> Jobs:
    config = WorkerConfig(anonymization=policy)
    return build_jobs(
        engine, use_case_context(engine, FixedClock(NOW)), idle_webhook_client, {}, config
    )


async def test_the_job_is_scheduled_with_a_cron_and_a_policy_only(seeded: AsyncEngine) -> None:
    policy = AnonymizationPolicy(after=timedelta(days=730))
    on, off = jobs_with(seeded, policy), jobs_with(seeded, None)
    assert off.anonymization is None
    async with seeded.connect() as db:
        driver = AsyncpgDriver(await raw_connection(db))
        scheduled, no_cron, no_policy = PgQueuer(driver), PgQueuer(driver), PgQueuer(driver)
        register(scheduled, on, None, None, None, DAILY)
        register(no_cron, on, None, None, None, None)
        register(no_policy, off, None, None, None, DAILY)
    key = CronExpressionEntrypoint(entrypoint=ANONYMIZE, expression=DAILY)
    assert list(scheduled.sm.registry) == [key]
    assert list(no_cron.sm.registry) == list(no_policy.sm.registry) == []

    await _an_old_closed_request(seeded)
    await scheduled.sm.registry[key].parameters.func(None)  # the schedule firing
    async with seeded.connect() as db:
        left = await db.scalar(
            text("SELECT count(*) FROM service_requests WHERE reporter_email IS NOT NULL")
        )
    assert left == 0


async def _an_old_closed_request(engine: AsyncEngine) -> None:
    closed = NOW - timedelta(days=800)
    async with engine.begin() as db:
        await db.execute(
            text(
                "INSERT INTO service_requests (id, service_code, department_code, description,"
                " reporter_email, channel, priority, status, sla_target_hours, sla_calendar,"
                " sla_pauses_on_hold, requested_at, updated_at, closed_at)"
                " SELECT '26-09999999', code, department_code, 'Old', 'old@example.net',"
                " 'phone', 'normal', 'closed', 9, 'business', true, :closed, :closed, :closed"
                " FROM services WHERE code = 'trm-pothole-repair'"
            ),
            {"closed": closed},
        )

"""The worker: pgqueuer claims jobs (FOR UPDATE SKIP LOCKED), so any number may run at once.

A worker that dies mid-job stops heart-beating; after `heartbeat_timeout` another worker
picks the job again. Every job is safe to run twice (see dispatch.py and delivery.py).
"""

import asyncio
import logging
import signal
from dataclasses import dataclass, field
from datetime import timedelta

import asyncpg
from pgqueuer import AsyncpgPoolDriver, Job, PgQueuer
from pgqueuer.models import Schedule
from pgqueuer.types import QueueExecutionMode

from adapters.jobs.anonymization import AnonymizationRun
from adapters.jobs.codec import decode_delivery, decode_event
from adapters.jobs.delivery import WebhookSender
from adapters.jobs.dispatch import Dispatcher
from adapters.jobs.escalation import EscalationScan
from adapters.jobs.outbox import ANONYMIZE, DELIVER, DISPATCH, ESCALATE, RETAIN, SURVEY
from adapters.jobs.retention import RetentionSweep
from adapters.jobs.surveys import SurveyScan
from domain.privacy.anonymization import AnonymizationPolicy
from domain.requests.escalation import EscalationPolicy
from domain.retention.model import RetentionPolicy
from domain.surveys.model import SurveyPolicy
from domain.webhooks.retry import RetryPolicy

log = logging.getLogger("frontdoor.worker")


@dataclass(frozen=True)
class WorkerConfig:
    heartbeat_timeout: timedelta = timedelta(seconds=30)
    dequeue_timeout: timedelta = timedelta(seconds=5)
    batch_size: int = 10
    escalation_cron: str | None = "* * * * *"  # None: this worker runs no scan
    retention_cron: str | None = "17 * * * *"  # None: this worker never prunes
    survey_cron: str | None = "*/5 * * * *"  # None: this worker sends no surveys
    anonymize_cron: str | None = None  # None: this worker never anonymizes
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    escalation: EscalationPolicy = field(default_factory=EscalationPolicy)
    retention: RetentionPolicy = field(default_factory=RetentionPolicy)
    survey: SurveyPolicy = field(default_factory=SurveyPolicy)
    anonymization: AnonymizationPolicy | None = None  # None: turned off


@dataclass(frozen=True)
class Jobs:
    """What a worker runs, built by its composition root (api/worker_bootstrap.py)."""

    dispatcher: Dispatcher
    sender: WebhookSender
    scan: EscalationScan
    retention: RetentionSweep
    surveys: SurveyScan | None = None
    anonymization: AnonymizationRun | None = None  # None: anonymization is turned off


def register(
    pgq: PgQueuer,
    jobs: Jobs,
    escalation_cron: str | None,
    retention_cron: str | None = None,
    survey_cron: str | None = None,
    anonymize_cron: str | None = None,
) -> None:
    @pgq.entrypoint(DISPATCH)
    async def dispatch(job: Job) -> None:
        attempt = int(str((job.headers or {}).get("attempt", 1)))
        await jobs.dispatcher.dispatch(decode_event(job.payload or b""), attempt)

    @pgq.entrypoint(DELIVER)
    async def deliver(job: Job) -> None:
        await jobs.sender.deliver(*decode_delivery(job.payload or b""))

    if escalation_cron:

        @pgq.schedule(ESCALATE, escalation_cron)
        async def escalate(_: Schedule) -> None:
            published = await jobs.scan.run()
            if published:
                log.info("escalation scan", extra={"fields": {"published": published}})

    if retention_cron:

        @pgq.schedule(RETAIN, retention_cron)
        async def retain(_: Schedule) -> None:
            deleted = await jobs.retention.run()
            log.info("retention sweep", extra={"fields": {"deleted": deleted}})

    if survey_cron and jobs.surveys is not None:
        scan = jobs.surveys

        @pgq.schedule(SURVEY, survey_cron)
        async def survey(_: Schedule) -> None:
            asked = await scan.run()
            if asked:
                log.info("survey scan", extra={"fields": {"asked": asked}})

    if anonymize_cron and jobs.anonymization is not None:
        _schedule_anonymization(pgq, jobs.anonymization, anonymize_cron)


def _schedule_anonymization(pgq: PgQueuer, job: AnonymizationRun, cron: str) -> None:
    @pgq.schedule(ANONYMIZE, cron)
    async def anonymize(_: Schedule) -> None:
        changed = await job.run()
        log.info("anonymization", extra={"fields": {"changed": changed}})


def asyncpg_dsn(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


async def run_worker(
    database_url: str, jobs: Jobs, config: WorkerConfig, *, drain: bool = False
) -> None:
    """Until SIGTERM/SIGINT (or, with `drain`, until no job is left)."""
    pool = await asyncpg.create_pool(asyncpg_dsn(database_url), min_size=2, max_size=4)
    try:
        pgq = PgQueuer(AsyncpgPoolDriver(pool))
        crons = (
            (None, None, None, None)
            if drain
            else (
                config.escalation_cron,
                config.retention_cron,
                config.survey_cron,
                config.anonymize_cron,
            )
        )
        register(pgq, jobs, *crons)
        if not drain:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGTERM, signal.SIGINT):
                loop.add_signal_handler(sig, pgq.shutdown.set)
        mode = QueueExecutionMode.drain if drain else QueueExecutionMode.continuous
        log.info("worker started")
        if drain:
            await pgq.qm.run(
                mode=mode,
                batch_size=config.batch_size,
                dequeue_timeout=config.dequeue_timeout,
                heartbeat_timeout=config.heartbeat_timeout,
            )
        else:
            await pgq.run(
                batch_size=config.batch_size,
                dequeue_timeout=config.dequeue_timeout,
                heartbeat_timeout=config.heartbeat_timeout,
            )
    finally:
        await pool.close()

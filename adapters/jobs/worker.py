"""The worker: pgqueuer claims jobs (FOR UPDATE SKIP LOCKED), so any number may run at once.

A worker that dies mid-job stops heart-beating; after `heartbeat_timeout` another worker
picks the job again. Every job is safe to run twice (see dispatch.py and delivery.py).
"""

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial

import asyncpg
from pgqueuer import AsyncpgPoolDriver, DatabaseRetryEntrypointExecutor, Job, PgQueuer
from pgqueuer.models import Schedule
from pgqueuer.types import QueueExecutionMode
from sqlalchemy.exc import TimeoutError as PoolTimeout

from adapters.acting import acting_as
from adapters.database_availability import DRIVER_LOST, database_unavailable
from adapters.jobs.anonymization import AnonymizationRun
from adapters.jobs.codec import decode_delivery, decode_event
from adapters.jobs.delivery import WebhookSender
from adapters.jobs.dispatch import Dispatcher
from adapters.jobs.escalation import EscalationScan
from adapters.jobs.outbox import (
    ANONYMIZE,
    AUDIT_SEAL,
    DELIVER,
    DISPATCH,
    ESCALATE,
    RETAIN,
    SURVEY,
)
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
    audit_seal_cron: str | None = "* * * * *"  # None: this worker never seals the audit trail
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
    seal_audit: Callable[[], Awaitable[int]] | None = None  # chains the audit trail's new rows


# A job that raises (the database went away under it) goes back to the queue, later, instead
# of being dropped with its event: dispatch and delivery are safe to run twice. Ten tries with
# a doubling wait (1 s to a minute) outlast a database restart or a failover.
AGAIN_LATER = partial(
    DatabaseRetryEntrypointExecutor,
    max_attempts=10,
    initial_delay=timedelta(seconds=1),
    max_delay=timedelta(minutes=1),
)


OUTAGE_WAITS = (0.5, 1, 2, 4, 8, 15, 30, 30, 30)  # seconds: about two minutes in all


async def outlasting_outages(run: Callable[[], Awaitable[object]]) -> None:
    """Runs a job again while the database is away, inside the same claim. Raising instead
    would hand the job back to pgqueuer, which cannot re-queue it without the database either
    and would drop it, and its event with it. The claim's heartbeat keeps it ours; if this
    worker dies meanwhile, another takes the job over when the heartbeat stops."""
    for wait in (*OUTAGE_WAITS, None):
        try:
            await run()
            return
        except Exception as error:
            if wait is None or isinstance(error, PoolTimeout) or not database_unavailable(error):
                raise  # a busy pool is not an outage: pgqueuer re-queues the job (AGAIN_LATER)
            log.warning("job waits for the database", extra={"fields": {"error": repr(error)}})
            await asyncio.sleep(wait)


def register(
    pgq: PgQueuer,
    jobs: Jobs,
    escalation_cron: str | None,
    retention_cron: str | None = None,
    survey_cron: str | None = None,
    anonymize_cron: str | None = None,
    audit_seal_cron: str | None = None,
) -> None:
    """Each job runs as `worker:<its name>`, the actor the audit trail records."""

    @pgq.entrypoint(DISPATCH, executor_factory=AGAIN_LATER)
    async def dispatch(job: Job) -> None:
        attempt = int(str((job.headers or {}).get("attempt", 1)))
        event = decode_event(job.payload or b"")
        with acting_as(f"worker:{DISPATCH}"):
            await outlasting_outages(lambda: jobs.dispatcher.dispatch(event, attempt))

    @pgq.entrypoint(DELIVER, executor_factory=AGAIN_LATER)
    async def deliver(job: Job) -> None:
        delivery = decode_delivery(job.payload or b"")
        with acting_as(f"worker:{DELIVER}"):
            await outlasting_outages(lambda: jobs.sender.deliver(*delivery))

    if escalation_cron:

        @pgq.schedule(ESCALATE, escalation_cron)
        async def escalate(_: Schedule) -> None:
            with acting_as(f"worker:{ESCALATE}"):
                published = await jobs.scan.run()
            if published:
                log.info("escalation scan", extra={"fields": {"published": published}})

    if retention_cron:

        @pgq.schedule(RETAIN, retention_cron)
        async def retain(_: Schedule) -> None:
            with acting_as(f"worker:{RETAIN}"):
                deleted = await jobs.retention.run()
            log.info("retention sweep", extra={"fields": {"deleted": deleted}})

    if survey_cron and jobs.surveys is not None:
        _schedule_surveys(pgq, jobs.surveys, survey_cron)
    if anonymize_cron and jobs.anonymization is not None:
        _schedule_anonymization(pgq, jobs.anonymization, anonymize_cron)
    if audit_seal_cron and jobs.seal_audit is not None:
        _schedule_audit_seal(pgq, jobs.seal_audit, audit_seal_cron)


def _schedule_surveys(pgq: PgQueuer, scan: SurveyScan, cron: str) -> None:
    @pgq.schedule(SURVEY, cron)
    async def survey(_: Schedule) -> None:
        with acting_as(f"worker:{SURVEY}"):
            asked = await scan.run()
        if asked:
            log.info("survey scan", extra={"fields": {"asked": asked}})


def _schedule_anonymization(pgq: PgQueuer, job: AnonymizationRun, cron: str) -> None:
    @pgq.schedule(ANONYMIZE, cron)
    async def anonymize(_: Schedule) -> None:
        with acting_as(f"worker:{ANONYMIZE}"):
            changed = await job.run()
        log.info("anonymization", extra={"fields": {"changed": changed}})


def _schedule_audit_seal(pgq: PgQueuer, seal: Callable[[], Awaitable[int]], cron: str) -> None:
    @pgq.schedule(AUDIT_SEAL, cron)
    async def seal_audit(_: Schedule) -> None:
        with acting_as(f"worker:{AUDIT_SEAL}"):
            sealed = await seal()
        if sealed:
            log.info("audit trail sealed", extra={"fields": {"rows": sealed}})


def asyncpg_dsn(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


# The database went away (a restart, a failover): the worker reconnects instead of exiting.
DATABASE_LOST = (OSError, *DRIVER_LOST)
RECONNECT_SECONDS = 1.0


async def run_worker(
    database_url: str, jobs: Jobs, config: WorkerConfig, *, drain: bool = False
) -> None:
    """Until SIGTERM/SIGINT (or, with `drain`, until no job is left). A lost database does not
    end it: it waits a moment and connects again, its jobs safe to run twice."""
    if drain:
        await _run_once(database_url, jobs, config, asyncio.Event(), drain=True)
        return
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    while not stop.is_set():
        try:
            await _run_once(database_url, jobs, config, stop, drain=False)
        except DATABASE_LOST as error:
            log.warning(
                "worker lost the database; reconnecting", extra={"fields": {"error": repr(error)}}
            )
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), RECONNECT_SECONDS)


async def _run_once(
    database_url: str, jobs: Jobs, config: WorkerConfig, stop: asyncio.Event, *, drain: bool
) -> None:
    pool = await asyncpg.create_pool(
        asyncpg_dsn(database_url), min_size=2, max_size=4, reset=_keep_session
    )
    try:
        pgq = PgQueuer(AsyncpgPoolDriver(pool))
        crons = (
            (None, None, None, None, None)
            if drain
            else (
                config.escalation_cron,
                config.retention_cron,
                config.survey_cron,
                config.anonymize_cron,
                config.audit_seal_cron,
            )
        )
        register(pgq, jobs, *crons)
        mode = QueueExecutionMode.drain if drain else QueueExecutionMode.continuous
        log.info("worker started")
        if drain:
            await pgq.qm.run(
                mode=mode,
                batch_size=config.batch_size,
                dequeue_timeout=config.dequeue_timeout,
                heartbeat_timeout=config.heartbeat_timeout,
            )
            return
        relay = asyncio.create_task(_relay(stop, pgq.shutdown))
        try:
            await pgq.run(
                # Jobs waiting out an outage keep their claims: without a cap a worker would
                # claim the whole backlog and starve its own connection pool.
                max_concurrent_tasks=2 * config.batch_size,
                batch_size=config.batch_size,
                dequeue_timeout=config.dequeue_timeout,
                heartbeat_timeout=config.heartbeat_timeout,
            )
        finally:
            relay.cancel()
    finally:
        await _close(pool)


async def _keep_session(connection: asyncpg.Connection) -> None:
    """The pool is pgqueuer's alone, and its statements leave no session state behind (their
    advisory locks are transaction-scoped; the LISTEN connection is held, and reset, apart).
    asyncpg still rolls back an open transaction on release; its default reset would add a
    round trip (`RESET ALL; UNLISTEN *; ...`) to every one of pgqueuer's queries."""


async def _relay(stop: asyncio.Event, shutdown: asyncio.Event) -> None:
    await stop.wait()
    shutdown.set()


async def _close(pool: asyncpg.Pool) -> None:
    """A pool whose server is gone cannot close politely: terminate it then."""
    try:
        await asyncio.wait_for(pool.close(), 5)
    except (*DATABASE_LOST, TimeoutError):
        pool.terminate()

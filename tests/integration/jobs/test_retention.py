"""The retention sweep on the real tables: what goes, what stays, and in batches.

Rows are written with timestamps relative to NOW and the sweep runs with a FixedClock at NOW;
jobs are run by hand (helpers.py), so nothing waits.
"""

from collections.abc import Mapping
from datetime import datetime, timedelta
from uuid import UUID, uuid4

import httpx
import pytest
from pgqueuer import AsyncpgDriver, PgQueuer
from pgqueuer.models import CronExpressionEntrypoint
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.retention import SqlRetentionStore
from adapters.db.unit_of_work import SqlUnitOfWork
from adapters.jobs.outbox import DELIVER, DISPATCH, RETAIN, raw_connection
from adapters.jobs.retention import RetentionSweep
from adapters.jobs.worker import Jobs, WorkerConfig, register
from api.bootstrap import use_case_context
from api.worker_bootstrap import build_jobs
from domain.retention.model import RetentionPolicy, Target
from domain.shared.clock import FixedClock
from domain.shared.events import Event, EventSubscriber, EventType
from tests.integration.builders import T0
from tests.integration.jobs.helpers import QueuedJob, add_subscription, run_job, take_jobs

NOW = T0 + timedelta(days=60)
POLICY = RetentionPolicy()  # events 14 days, notifications and deliveries 30, log 7, stats 30


def days_ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


async def execute(
    engine: AsyncEngine, sql: str, rows: list[dict[str, object]] | None = None
) -> None:
    async with engine.begin() as db:
        await db.execute(text(sql), rows)


async def count(engine: AsyncEngine, sql: str, **params: object) -> int:
    async with engine.connect() as db:
        return int(await db.scalar(text(sql), params) or 0)


async def handled(engine: AsyncEngine, *rows: tuple[UUID, float]) -> None:
    await execute(
        engine,
        "INSERT INTO handled_events (event_id, subscriber, handled_at) VALUES (:id, :name, :at)",
        [{"id": event_id, "name": "webhooks", "at": days_ago(age)} for event_id, age in rows],
    )


async def notified(engine: AsyncEngine, *rows: tuple[UUID, float]) -> None:
    await execute(
        engine,
        "INSERT INTO notification_deliveries (key, event_id, request_id, kind, channel, sent_at)"
        " VALUES (:key, :id, '26-00000001', 'created', 'email', :at)",
        [
            {"key": f"{event_id}:reporter", "id": event_id, "at": days_ago(age)}
            for event_id, age in rows
        ],
    )


async def delivery(
    engine: AsyncEngine,
    subscription_id: UUID,
    status: str,
    created: float,
    attempts: tuple[float, ...] = (),
    event_id: UUID | None = None,
) -> UUID:
    """A webhook delivery made `created` days ago, with an attempt at each of `attempts`."""
    delivery_id = uuid4()
    await execute(
        engine,
        "INSERT INTO webhook_deliveries (id, subscription_id, event_id, event_type, subject, body,"
        " status, attempts, created_at, delivered_at) VALUES (:id, :subscription, :event,"
        " 'request.created', '26-00000001', '{}', :status, :attempts, :created, :delivered)",
        [
            {
                "id": delivery_id,
                "subscription": subscription_id,
                "event": event_id or uuid4(),
                "status": status,
                "attempts": len(attempts),
                "created": days_ago(created),
                "delivered": days_ago(attempts[-1]) if status == "delivered" else None,
            }
        ],
    )
    if attempts:
        await execute(
            engine,
            "INSERT INTO webhook_attempts (delivery_id, attempt, at, status_code, duration_ms)"
            " VALUES (:id, :attempt, :at, 500, 12)",
            [
                {"id": delivery_id, "attempt": n, "at": days_ago(age)}
                for n, age in enumerate(attempts, start=1)
            ],
        )
    return delivery_id


async def publish(engine: AsyncEngine, event: Event) -> None:
    """The event's dispatch job, queued as a change would leave it (the outbox)."""
    async with SqlUnitOfWork(engine) as uow:
        await uow.events.publish(event)
        await uow.commit()


def an_event(at: datetime = T0) -> Event:
    data = {"sequence": 1, "status": "new", "previous_status": None, "changes": ["created"]}
    return Event(EventType.REQUEST_CREATED, "26-00000001", at, "transportation", "trm", data)


async def sweep(engine: AsyncEngine, policy: RetentionPolicy = POLICY) -> dict[str, int]:
    return await RetentionSweep(SqlRetentionStore(engine), FixedClock(NOW), policy).run()


async def test_old_rows_go_and_recent_rows_stay(seeded: AsyncEngine) -> None:
    old_event, recent_event = uuid4(), uuid4()
    await handled(seeded, (old_event, 15), (recent_event, 13))
    await notified(seeded, (old_event, 31), (recent_event, 29))
    await execute(
        seeded,
        "INSERT INTO rate_limits (key, window_start, hits) VALUES (:key, :at, 3)",
        [{"key": "lookup:client:a", "at": days_ago(2)}, {"key": "lookup:client:b", "at": NOW}],
    )
    await execute(
        seeded,
        "INSERT INTO idempotency_keys (scope, key, fingerprint, claimed_at, expires_at, status)"
        " VALUES ('user:1', :key, 'f', :claimed, :expires, 201)",
        [
            {"key": "expired", "claimed": days_ago(2), "expires": days_ago(1)},
            {"key": "live", "claimed": days_ago(0.5), "expires": days_ago(-0.5)},
        ],
    )
    await execute(
        seeded,
        "INSERT INTO pgqueuer_statistics (count, priority, status, entrypoint, created)"
        " VALUES (4, 0, 'successful', :entrypoint, :at)",
        [{"entrypoint": DELIVER, "at": days_ago(31)}, {"entrypoint": DELIVER, "at": days_ago(29)}],
    )

    deleted = await sweep(seeded)

    assert deleted == {
        "handled_events": 1,
        "notification_deliveries": 1,
        "webhook_deliveries": 0,
        "webhook_attempts": 0,
        "pgqueuer_log": 0,
        "pgqueuer_statistics": 1,
        "rate_limits": 1,
        "idempotency_keys": 1,
    }
    async with seeded.connect() as db:
        kept = {
            table: [str(row[0]) for row in await db.execute(text(sql))]
            for table, sql in {
                "handled_events": "SELECT event_id FROM handled_events",
                "notification_deliveries": "SELECT event_id FROM notification_deliveries",
                "rate_limits": "SELECT key FROM rate_limits",
                "idempotency_keys": "SELECT key FROM idempotency_keys",
                "pgqueuer_statistics": "SELECT created FROM pgqueuer_statistics",
            }.items()
        }
    assert kept == {
        "handled_events": [str(recent_event)],
        "notification_deliveries": [str(recent_event)],
        "rate_limits": ["lookup:client:b"],
        "idempotency_keys": ["live"],
        "pgqueuer_statistics": [str(days_ago(29))],
    }
    assert await sweep(seeded) == dict.fromkeys(deleted, 0)  # nothing left to do


async def test_settled_deliveries_go_with_their_attempts_and_pending_ones_stay(
    seeded: AsyncEngine,
) -> None:
    subscription = (await add_subscription(seeded)).id
    gone = [
        await delivery(seeded, subscription, "delivered", 40, (40, 39)),
        await delivery(seeded, subscription, "failed", 35, (35, 34, 33)),
        await delivery(seeded, subscription, "cancelled", 31),
    ]
    kept = [
        # still being retried, however old: a job will send it again
        await delivery(seeded, subscription, "pending", 90, (90, 89, 88)),
        await delivery(seeded, subscription, "pending", 60),
        # old, but a partner redelivered it two days ago: its clock started again
        await delivery(seeded, subscription, "delivered", 50, (50, 2)),
        await delivery(seeded, subscription, "delivered", 29, (29,)),
    ]

    deleted = await sweep(seeded)

    assert (deleted["webhook_deliveries"], deleted["webhook_attempts"]) == (3, 5)
    async with seeded.connect() as db:
        left = {row.id for row in await db.execute(text("SELECT id FROM webhook_deliveries"))}
        attempts = await db.scalar(text("SELECT count(*) FROM webhook_attempts"))
    assert left == set(kept) and not left & set(gone)
    assert attempts == 3 + 2 + 1


@pytest.mark.parametrize("job_status", ["queued", "picked", "failed"])
async def test_an_event_whose_job_can_still_run_keeps_its_ledgers_whatever_their_age(
    seeded: AsyncEngine, job_status: str
) -> None:
    subscription = (await add_subscription(seeded)).id
    waiting, done = an_event(), an_event()
    await publish(seeded, waiting)  # its dispatch job: queued, running, or held as failed
    await execute(seeded, "UPDATE pgqueuer SET status = :status", [{"status": job_status}])
    await handled(seeded, (waiting.id, 40), (done.id, 40))
    await notified(seeded, (waiting.id, 40), (done.id, 40))
    for event in (waiting, done):
        await delivery(seeded, subscription, "delivered", 40, (40,), event_id=event.id)

    deleted = await sweep(seeded)

    assert (deleted["handled_events"], deleted["notification_deliveries"]) == (1, 1)
    assert deleted["webhook_deliveries"] == 1
    for table in ("handled_events", "notification_deliveries", "webhook_deliveries"):
        sql = f"SELECT count(*) FROM {table} WHERE event_id = :id"
        assert await count(seeded, sql, id=waiting.id) == 1
        assert await count(seeded, sql, id=done.id) == 0

    await execute(seeded, "DELETE FROM pgqueuer")  # the job is over
    deleted = await sweep(seeded)
    assert (deleted["handled_events"], deleted["notification_deliveries"]) == (1, 1)
    assert deleted["webhook_deliveries"] == 1


class Flaky:
    """A subscriber that fails the first time (an SMTP server down)."""

    def __init__(self) -> None:
        self.handled: list[Event] = []
        self.failures = 1

    async def handle(self, event: Event) -> None:
        if self.failures:
            self.failures -= 1
            raise RuntimeError("smtp down")
        self.handled.append(event)


def worker_jobs(
    engine: AsyncEngine, clock: FixedClock, sent: list[httpx.Request], **extra: EventSubscriber
) -> Jobs:
    def reply(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200)

    factory = lambda: httpx.AsyncClient(transport=httpx.MockTransport(reply))  # noqa: E731
    return build_jobs(engine, use_case_context(engine, clock), factory, extra, WorkerConfig())


async def test_a_retry_weeks_later_still_sends_nothing_twice(seeded: AsyncEngine) -> None:
    clock = FixedClock(days_ago(40))
    sent: list[httpx.Request] = []
    flaky = Flaky()
    jobs = worker_jobs(seeded, clock, sent, email=flaky)
    await add_subscription(seeded)
    event = an_event(clock.now())
    await publish(seeded, event)
    [dispatch] = await take_jobs(seeded)
    await run_job(jobs, dispatch)  # webhooks done, email failed: a retry is queued
    [deliver, retry] = await take_jobs(seeded)
    assert (deliver.entrypoint, retry.entrypoint) == (DELIVER, DISPATCH)
    await run_job(jobs, deliver)
    await requeue(seeded, retry)  # the workers stop for weeks before it runs

    clock.set(NOW)
    deleted = await jobs.retention.run()
    assert deleted["handled_events"] == 0 and deleted["webhook_deliveries"] == 0

    [retry] = await take_jobs(seeded)
    await run_job(jobs, retry)
    assert flaky.handled == [event]
    assert len(sent) == 1  # the webhook went once
    assert await take_jobs(seeded) == []
    deleted = await jobs.retention.run()  # now nothing can handle the event again
    assert (deleted["handled_events"], deleted["webhook_deliveries"]) == (1, 1)
    assert deleted["webhook_attempts"] == 1


async def requeue(engine: AsyncEngine, job: QueuedJob) -> None:
    async with engine.begin() as db:
        await db.execute(
            text(
                "INSERT INTO pgqueuer (priority, status, entrypoint, payload, headers)"
                " VALUES (0, 'queued', :entrypoint, :payload, CAST(:headers AS jsonb))"
            ),
            {
                "entrypoint": job.entrypoint,
                "payload": job.payload,
                "headers": '{"attempt": "2"}',
            },
        )


class CountingStore:
    """The real store, counting its batches per target."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._store = SqlRetentionStore(engine)
        self.batches: dict[Target, list[int]] = {}

    async def prune_batch(self, target: Target, before: datetime, limit: int) -> Mapping[str, int]:
        counts = await self._store.prune_batch(target, before, limit)
        self.batches.setdefault(target, []).append(counts[target.value])
        return counts


async def test_a_backlog_goes_in_bounded_batches(seeded: AsyncEngine) -> None:
    await handled(seeded, *[(uuid4(), 20 + n) for n in range(25)], (uuid4(), 1), (uuid4(), 2))
    subscription = (await add_subscription(seeded)).id
    for _ in range(12):
        await delivery(seeded, subscription, "delivered", 40, (40,))
    store = CountingStore(seeded)

    deleted = await RetentionSweep(store, FixedClock(NOW), RetentionPolicy(batch_size=10)).run()

    assert deleted["handled_events"] == 25
    assert store.batches[Target.HANDLED_EVENTS] == [10, 10, 5]
    assert store.batches[Target.WEBHOOK_DELIVERIES] == [10, 2]
    assert (deleted["webhook_deliveries"], deleted["webhook_attempts"]) == (12, 12)
    assert store.batches[Target.RATE_LIMITS] == [0]
    assert await count(seeded, "SELECT count(*) FROM handled_events") == 2


async def test_the_queue_log_is_folded_into_statistics_before_it_goes(
    seeded: AsyncEngine,
) -> None:
    await execute(
        seeded,
        "INSERT INTO pgqueuer_log (job_id, status, priority, entrypoint, created)"
        " VALUES (:job, 'successful', 0, :entrypoint, :at)",
        [
            *({"job": n, "entrypoint": DISPATCH, "at": days_ago(8)} for n in range(5)),
            {"job": 9, "entrypoint": DISPATCH, "at": days_ago(1)},
        ],
    )

    deleted = await sweep(seeded)

    assert deleted["pgqueuer_log"] == 5
    assert await count(seeded, "SELECT count(*) FROM pgqueuer_log WHERE job_id = 9") == 1
    folded = "SELECT sum(count) FROM pgqueuer_statistics WHERE entrypoint = :entrypoint"
    assert await count(seeded, folded, entrypoint=DISPATCH) == 6


async def test_the_worker_schedules_the_sweep_unless_its_cron_is_empty(
    seeded: AsyncEngine,
) -> None:
    old = uuid4()
    await handled(seeded, (old, 30))
    jobs = worker_jobs(seeded, FixedClock(NOW), [])
    async with seeded.connect() as db:
        driver = AsyncpgDriver(await raw_connection(db))
        scheduled, unscheduled = PgQueuer(driver), PgQueuer(driver)
        register(scheduled, jobs, None, "17 * * * *")
        register(unscheduled, jobs, "* * * * *", None)
    key = CronExpressionEntrypoint(entrypoint=RETAIN, expression="17 * * * *")
    assert list(scheduled.sm.registry) == [key]
    assert [k.entrypoint for k in unscheduled.sm.registry] == ["requests.escalate"]

    await scheduled.sm.registry[key].parameters.func(None)  # the schedule firing
    assert await count(seeded, "SELECT count(*) FROM handled_events") == 0

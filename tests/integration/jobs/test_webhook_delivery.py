"""Fan-out and delivery, job by job, against a scripted receiver (httpx.MockTransport).

Time is a FixedClock and jobs are run by hand (tests/integration/jobs/helpers.py): retries
that would wait hours are taken at once, and their delays are read off the queue.
"""

import json
import random
from collections.abc import Callable
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.read_models.webhooks import WebhookReadModel
from adapters.db.unit_of_work import SqlUnitOfWork
from adapters.jobs.outbox import DELIVER, DISPATCH
from adapters.jobs.worker import Jobs, WorkerConfig
from api.bootstrap import use_case_context
from api.worker_bootstrap import build_jobs
from domain.directory.permissions import Principal
from domain.directory.users import Role
from domain.shared.clock import FixedClock
from domain.shared.errors import Conflict
from domain.shared.events import Event, EventType
from domain.webhooks.retry import RetryPolicy
from domain.webhooks.signing import verify
from domain.webhooks.use_cases import RedeliverDelivery, redeliver_delivery
from tests.integration.builders import T0
from tests.integration.jobs.helpers import add_subscription, run_all, run_job, take_jobs
from tests.unit.builders import user

Reply = Callable[[httpx.Request], httpx.Response]
ADMIN = Principal.of(user(1, Role.ADMIN))
POLICY = RetryPolicy(base=timedelta(seconds=10), cap=timedelta(hours=4), jitter=0.0)


class Receiver:
    """Answers with the scripted replies in turn (the last one repeats); keeps every request."""

    def __init__(self, *replies: Reply) -> None:
        self.replies = list(replies) or [lambda _: httpx.Response(200)]
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        reply = self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]
        return reply(request)


def status(code: int, **headers: str) -> Reply:
    return lambda _: httpx.Response(code, headers=headers)


def timeout(request: httpx.Request) -> httpx.Response:
    raise httpx.ReadTimeout("the receiver did not answer", request=request)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(T0)


def jobs_for(engine: AsyncEngine, clock: FixedClock, receiver: Receiver) -> Jobs:
    factory = lambda: httpx.AsyncClient(transport=httpx.MockTransport(receiver))  # noqa: E731
    jobs = build_jobs(
        engine, use_case_context(engine, clock), factory, {}, WorkerConfig(retry=POLICY)
    )
    jobs.sender._rng = random.Random(7)
    return jobs


def event(
    event_type: EventType = EventType.REQUEST_CREATED,
    department: str = "transportation",
    service: str = "trm-pothole-repair",
) -> Event:
    data = {"sequence": 1, "status": "new", "changes": ["created"]}
    return Event(event_type, "26-00000001", T0, department, service, data)


async def publish(engine: AsyncEngine, *events: Event) -> None:
    async with SqlUnitOfWork(engine) as uow:
        for e in events:
            await uow.events.publish(e)
        await uow.commit()


async def deliveries(engine: AsyncEngine) -> list[tuple[object, ...]]:
    async with engine.connect() as db:
        rows = await db.execute(
            text(
                "SELECT subscription_id, event_id, status, attempts FROM webhook_deliveries"
                " ORDER BY created_at, subscription_id"
            )
        )
        return [tuple(row) for row in rows]


async def test_an_event_reaches_matching_subscriptions_signed_per_standard_webhooks(
    seeded: AsyncEngine, clock: FixedClock
) -> None:
    receiver = Receiver()
    jobs = jobs_for(seeded, clock, receiver)
    everything = await add_subscription(seeded, url="https://a.example.com/in")
    ours = await add_subscription(
        seeded,
        EventType.REQUEST_CREATED,
        department_code="transportation",
        service_codes=["trm-pothole-repair"],
        url="https://b.example.com/in",
    )
    await add_subscription(seeded, EventType.REQUEST_CLOSED)  # another type
    await add_subscription(seeded, department_code="health")  # another department
    await add_subscription(seeded, service_codes=["bge-stlights-out"])  # another service
    await add_subscription(seeded, active=False)
    created = event()
    await publish(seeded, created)

    ran = await run_all(seeded, jobs)
    assert [job.entrypoint for job in ran] == [DISPATCH, DELIVER, DELIVER]
    assert sorted(str(r.url) for r in receiver.requests) == [
        "https://a.example.com/in",
        "https://b.example.com/in",
    ]
    secrets = {
        "https://a.example.com/in": everything.secret,
        "https://b.example.com/in": ours.secret,
    }
    for request in receiver.requests:
        body = request.content.decode()
        message_id = request.headers["webhook-id"]
        timestamp = int(request.headers["webhook-timestamp"])
        assert timestamp == int(T0.timestamp())
        assert verify(
            secrets[str(request.url)],
            message_id,
            timestamp,
            body,
            request.headers["webhook-signature"],
        )
        assert not verify(
            secrets[str(request.url)],
            message_id,
            timestamp,
            body + " ",
            request.headers["webhook-signature"],
        )
        payload = json.loads(body)
        assert payload["type"] == "request.created"
        assert payload["timestamp"] == T0.isoformat()
        assert payload["data"]["subject"] == "26-00000001"
        assert payload["data"]["sequence"] == 1
        assert payload["data"]["id"] == str(created.id)
    assert {row[2] for row in await deliveries(seeded)} == {"delivered"}


async def test_running_a_job_again_does_nothing_more(
    seeded: AsyncEngine, clock: FixedClock
) -> None:
    receiver = Receiver()
    jobs = jobs_for(seeded, clock, receiver)
    await add_subscription(seeded)
    await publish(seeded, event())
    [dispatch] = await take_jobs(seeded)
    await run_job(jobs, dispatch)
    await run_job(jobs, dispatch)  # a stalled worker's job, picked up again
    [deliver] = await take_jobs(seeded)
    await run_job(jobs, deliver)
    await run_job(jobs, deliver)
    assert len(receiver.requests) == 1
    assert [row[2:] for row in await deliveries(seeded)] == [("delivered", 1)]
    async with seeded.connect() as db:
        handled = await db.scalar(text("SELECT count(*) FROM handled_events"))
    assert handled == 1


async def test_failures_back_off_honour_retry_after_and_the_log_shows_every_attempt(
    seeded: AsyncEngine, clock: FixedClock
) -> None:
    receiver = Receiver(timeout, status(503, **{"Retry-After": "120"}), status(500), status(204))
    jobs = jobs_for(seeded, clock, receiver)
    subscription = await add_subscription(seeded)
    await publish(seeded, event())
    ran = await run_all(seeded, jobs)
    delays = [job.delay for job in ran if job.entrypoint == DELIVER]
    assert delays == [
        timedelta(0),
        timedelta(seconds=10),  # after the timeout: base
        timedelta(seconds=120),  # Retry-After beats the 20 s backoff
        timedelta(seconds=40),
    ]
    ids = {request.headers["webhook-id"] for request in receiver.requests}
    assert len(receiver.requests) == 4 and len(ids) == 1  # one message id on every retry
    [log] = await WebhookReadModel(seeded).deliveries(subscription.id, 10)
    assert (log.status, log.attempts, str(log.id)) == ("delivered", 4, ids.pop())
    assert [(a.attempt, a.status_code) for a in log.attempt_log] == [
        (1, None),
        (2, 503),
        (3, 500),
        (4, 204),
    ]
    assert "ReadTimeout" in (log.attempt_log[0].error or "")
    assert log.attempt_log[1].error == "HTTP 503"


async def test_410_disables_the_subscription_and_later_events_skip_it(
    seeded: AsyncEngine, clock: FixedClock
) -> None:
    receiver = Receiver(status(410))
    jobs = jobs_for(seeded, clock, receiver)
    subscription = await add_subscription(seeded)
    await publish(seeded, event())
    await run_all(seeded, jobs)
    async with SqlUnitOfWork(seeded) as uow:
        stored = await uow.webhooks.get(subscription.id)
    assert stored is not None and not stored.active
    assert stored.disabled_reason == "the receiver answered 410 Gone"
    assert [row[2:] for row in await deliveries(seeded)] == [("failed", 1)]
    await publish(seeded, event(EventType.REQUEST_UPDATED))
    await run_all(seeded, jobs)
    assert len(receiver.requests) == 1 and len(await deliveries(seeded)) == 1


async def test_retries_cover_a_day_then_stop(seeded: AsyncEngine, clock: FixedClock) -> None:
    receiver = Receiver(status(502))
    jobs = jobs_for(seeded, clock, receiver)
    await add_subscription(seeded)
    await publish(seeded, event())
    await run_job(jobs, (await take_jobs(seeded))[0])
    waited = timedelta(0)
    while queued := await take_jobs(seeded):
        [job] = queued
        waited += job.delay
        clock.set(T0 + waited)
        await run_job(jobs, job)
    assert waited >= timedelta(hours=24)
    assert waited - POLICY.cap < timedelta(hours=24)  # the last retry is the first past a day
    [(_, _, state, attempts)] = await deliveries(seeded)
    assert state == "failed"
    assert attempts == len(receiver.requests) > 10


async def test_redelivery_sends_the_same_message_again(
    seeded: AsyncEngine, clock: FixedClock
) -> None:
    receiver = Receiver()
    jobs = jobs_for(seeded, clock, receiver)
    await add_subscription(seeded)
    await publish(seeded, event())
    await run_all(seeded, jobs)
    [(subscription_id, _, _, _)] = await deliveries(seeded)
    [delivery] = await WebhookReadModel(seeded).deliveries(subscription_id, 10)  # type: ignore[arg-type]
    again = RedeliverDelivery(subscription_id, delivery.id)  # type: ignore[arg-type]
    await redeliver_delivery(use_case_context(seeded, clock), again, ADMIN)
    with pytest.raises(Conflict, match="already waiting"):
        await redeliver_delivery(use_case_context(seeded, clock), again, ADMIN)
    await run_all(seeded, jobs)
    first, second = receiver.requests
    assert first.headers["webhook-id"] == second.headers["webhook-id"] == str(delivery.id)
    assert first.content == second.content
    [after] = await WebhookReadModel(seeded).deliveries(subscription_id, 10)  # type: ignore[arg-type]
    assert (after.status, after.attempts) == ("delivered", 2)


async def test_a_failing_subscriber_is_retried_without_holding_back_the_others(
    seeded: AsyncEngine, clock: FixedClock
) -> None:
    seen: list[Event] = []

    class Flaky:
        def __init__(self) -> None:
            self.calls = 0

        async def handle(self, e: Event) -> None:
            self.calls += 1
            if self.calls == 1:
                raise RuntimeError("smtp down")
            seen.append(e)

    flaky = Flaky()
    factory = lambda: httpx.AsyncClient(transport=httpx.MockTransport(Receiver()))  # noqa: E731
    context = use_case_context(seeded, clock)
    jobs = build_jobs(seeded, context, factory, {"email": flaky}, WorkerConfig(retry=POLICY))
    await add_subscription(seeded)
    sent = event()
    await publish(seeded, sent)
    ran = await run_all(seeded, jobs)
    assert [job.entrypoint for job in ran] == [DISPATCH, DELIVER, DISPATCH]
    assert ran[2].headers["attempt"] == "2" and ran[2].delay == timedelta(seconds=5)
    assert seen == [sent]
    assert [row[2:] for row in await deliveries(seeded)] == [("delivered", 1)]

"""The webhook jobs over the fakes: fan-out once per (subscription, event), and one attempt
each: signed, recorded, then settled or scheduled again."""

import random
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest

from domain.shared.clock import FixedClock
from domain.shared.context import Context
from domain.shared.events import Event, EventType
from domain.unit_of_work import UnitOfWork
from domain.webhooks.deliveries import DeliveryStatus, Outcome, WebhookDelivery
from domain.webhooks.delivery import GONE, deliver, fan_out
from domain.webhooks.model import Subscription, new_secret
from domain.webhooks.retry import RetryPolicy
from domain.webhooks.signing import verify
from tests.unit.fakes import FakeStore, FakeUnitOfWorkFactory

NOW = datetime(2026, 6, 15, 14, 0, tzinfo=UTC)
POLICY = RetryPolicy(base=timedelta(seconds=10), jitter=0.0)
EVENT = Event(EventType.REQUEST_CREATED, "26-00000001", NOW, "transportation", "trm-pothole")


class Poster:
    """Answers with the scripted outcomes in turn; keeps what it was asked to send."""

    def __init__(self, *outcomes: Outcome) -> None:
        self.outcomes = list(outcomes)
        self.sent: list[tuple[str, str, dict[str, str]]] = []

    async def post(self, url: str, body: str, headers: Mapping[str, str]) -> Outcome:
        self.sent.append((url, body, dict(headers)))
        return self.outcomes.pop(0)


def hook(number: int, **fields: object) -> Subscription:
    values: dict[str, object] = {
        "id": UUID(int=number),
        "url": f"https://partner.example/{number}",
        "event_types": [EventType.REQUEST_CREATED],
        "secret": new_secret(),
        "created_at": NOW,
        "updated_at": NOW,
        **fields,
    }
    return Subscription(**values)  # type: ignore[arg-type]


@pytest.fixture
def store() -> FakeStore:
    store = FakeStore()
    for subscription in (hook(2), hook(1), hook(3, department_code="health"), hook(4)):
        store.webhooks[subscription.id] = subscription
    return store


def context(store: FakeStore, at: datetime = NOW) -> Context[UnitOfWork]:
    return Context(FakeUnitOfWorkFactory(store), FixedClock(at))  # type: ignore[arg-type]


async def attempt(store: FakeStore, poster: Poster, delivery_id: UUID, number: int) -> None:
    rng = random.Random(7)
    await deliver(context(store), delivery_id, number, poster=poster, policy=POLICY, rng=rng)


async def fanned_out(store: FakeStore) -> WebhookDelivery:
    [delivery_id, *_] = await fan_out(context(store), EVENT)
    return store.webhook_deliveries.deliveries[delivery_id]


async def test_an_event_makes_one_delivery_per_matching_subscription_once(
    store: FakeStore,
) -> None:
    made = await fan_out(context(store), EVENT)
    assert await fan_out(context(store), EVENT) == []  # the job ran again
    deliveries = store.webhook_deliveries.deliveries
    assert [deliveries[d].subscription_id for d in made] == [UUID(int=1), UUID(int=2), UUID(int=4)]
    assert store.webhook_deliveries.queued == [(d, 1, None) for d in made]
    assert {deliveries[d].body for d in made} == {deliveries[made[0]].body}


async def test_an_attempt_is_signed_and_a_2xx_settles_the_delivery(store: FakeStore) -> None:
    delivery = await fanned_out(store)
    poster = Poster(Outcome(204, 30, None))
    await attempt(store, poster, delivery.id, 1)
    [(url, body, headers)] = poster.sent
    secret = store.webhooks[delivery.subscription_id].secret
    assert url == "https://partner.example/1" and body == delivery.body
    assert headers["webhook-id"] == str(delivery.id)
    assert verify(
        secret, str(delivery.id), int(NOW.timestamp()), body, headers["webhook-signature"]
    )
    done = store.webhook_deliveries.deliveries[delivery.id]
    assert (done.status, done.attempts, done.delivered_at) == (DeliveryStatus.DELIVERED, 1, NOW)
    assert [(a.attempt, a.status_code) for a in store.webhook_deliveries.attempts] == [(1, 204)]


async def test_a_failure_schedules_the_next_attempt_after_retry_after(store: FakeStore) -> None:
    delivery = await fanned_out(store)
    store.webhook_deliveries.queued.clear()
    await attempt(store, Poster(Outcome(503, 5, "HTTP 503", retry_after="120")), delivery.id, 1)
    waiting = store.webhook_deliveries.deliveries[delivery.id]
    assert (waiting.status, waiting.attempts) == (DeliveryStatus.PENDING, 1)
    assert waiting.next_attempt_at == NOW + timedelta(seconds=120)
    assert store.webhook_deliveries.queued == [(delivery.id, 2, timedelta(seconds=120))]


async def test_a_job_for_another_attempt_does_nothing(store: FakeStore) -> None:
    delivery = await fanned_out(store)
    poster = Poster(Outcome(200, 5, None))
    await attempt(store, poster, delivery.id, 2)
    await attempt(store, poster, delivery.id, 1)
    await attempt(store, poster, delivery.id, 1)  # run again after it landed
    assert len(poster.sent) == 1 and len(store.webhook_deliveries.attempts) == 1


async def test_410_fails_the_delivery_and_disables_the_subscription(store: FakeStore) -> None:
    delivery = await fanned_out(store)
    await attempt(store, Poster(Outcome(410, 5, "HTTP 410")), delivery.id, 1)
    assert store.webhook_deliveries.deliveries[delivery.id].status is DeliveryStatus.FAILED
    subscription = store.webhooks[delivery.subscription_id]
    assert not subscription.active and subscription.disabled_reason == GONE


async def test_a_disabled_subscription_cancels_the_delivery_unsent(store: FakeStore) -> None:
    delivery = await fanned_out(store)
    store.webhooks[delivery.subscription_id].disable("by a user", NOW)
    poster = Poster()
    await attempt(store, poster, delivery.id, 1)
    cancelled = store.webhook_deliveries.deliveries[delivery.id]
    assert poster.sent == [] and store.webhook_deliveries.attempts == []
    assert (cancelled.status, cancelled.attempts) == (DeliveryStatus.CANCELLED, 0)

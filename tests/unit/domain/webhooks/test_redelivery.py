"""Redelivery: a delivery of a subscription the principal manages, queued again now."""

from datetime import UTC, datetime
from uuid import UUID, uuid4

import pytest

from domain.directory.permissions import Principal
from domain.directory.users import Role, Tier
from domain.shared.clock import FixedClock
from domain.shared.context import Context
from domain.shared.errors import Conflict, NotFound
from domain.shared.events import EventType
from domain.shared.sla import BusinessHours
from domain.webhooks.model import Subscription, new_secret
from domain.webhooks.use_cases import RedeliverDelivery, redeliver_delivery
from tests.unit.builders import user
from tests.unit.fakes import FakeGeocoder, FakeJurisdictions, FakeStore, FakeUnitOfWorkFactory
from tests.unit.wiring import Wiring

NOW = datetime(2026, 6, 15, 14, 0, tzinfo=UTC)
ADMIN = Principal.of(user(1, Role.ADMIN))
SAN_MANAGER = Principal.of(user(7, Role.STAFF, "sanitation", Tier.MANAGER))
DELIVERY = UUID(int=7)


class Owners:
    def __init__(self, owner: UUID | None) -> None:
        self.owner = owner

    async def subscription_of(self, delivery_id: UUID) -> UUID | None:
        return self.owner if delivery_id == DELIVERY else None


class Queue:
    def __init__(self, accepts: bool = True) -> None:
        self.accepts = accepts
        self.queued: list[tuple[UUID, datetime]] = []

    async def __call__(self, delivery_id: UUID, now: datetime, /) -> bool:
        if self.accepts:
            self.queued.append((delivery_id, now))
        return self.accepts


@pytest.fixture
def subscription() -> Subscription:
    return Subscription(
        uuid4(),
        "https://example.org/hook",
        [EventType.REQUEST_CREATED],
        new_secret(),
        NOW,
        NOW,
        department_code="public-works",
    )


@pytest.fixture
def wiring(subscription: Subscription) -> Wiring:
    store = FakeStore()
    store.webhooks[subscription.id] = subscription
    hours = BusinessHours(UTC)
    factory = FakeUnitOfWorkFactory(store)
    return Wiring(Context(factory, FixedClock(NOW)), hours, FakeJurisdictions(), FakeGeocoder())


async def test_a_delivery_of_the_subscription_is_queued_now(
    wiring: Wiring, subscription: Subscription
) -> None:
    queue = Queue()
    command = RedeliverDelivery(subscription.id, DELIVERY)
    await redeliver_delivery(wiring.context, Owners(subscription.id), queue, command, ADMIN)
    assert queue.queued == [(DELIVERY, NOW)]


async def test_a_delivery_of_another_subscription_is_not_found(
    wiring: Wiring, subscription: Subscription
) -> None:
    queue = Queue()
    command = RedeliverDelivery(subscription.id, DELIVERY)
    with pytest.raises(NotFound, match=f"delivery {DELIVERY} was not found"):
        await redeliver_delivery(wiring.context, Owners(uuid4()), queue, command, ADMIN)
    assert queue.queued == []


async def test_a_subscription_of_another_department_is_not_found(
    wiring: Wiring, subscription: Subscription
) -> None:
    queue = Queue()
    command = RedeliverDelivery(subscription.id, DELIVERY)
    with pytest.raises(NotFound, match="webhook subscription"):
        await redeliver_delivery(
            wiring.context, Owners(subscription.id), queue, command, SAN_MANAGER
        )
    assert queue.queued == []


async def test_a_delivery_already_waiting_is_a_conflict(
    wiring: Wiring, subscription: Subscription
) -> None:
    command = RedeliverDelivery(subscription.id, DELIVERY)
    with pytest.raises(Conflict, match="already waiting"):
        await redeliver_delivery(
            wiring.context, Owners(subscription.id), Queue(False), command, ADMIN
        )

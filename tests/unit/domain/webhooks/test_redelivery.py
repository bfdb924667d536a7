"""Redelivery: a delivery of a subscription the principal manages, queued again now, as its
next attempt, with the same id (the `webhook-id` receivers drop duplicates by)."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import pytest

from domain.directory.permissions import Principal
from domain.directory.users import Role, Tier
from domain.shared.clock import FixedClock
from domain.shared.context import Context
from domain.shared.errors import Conflict, NotFound
from domain.shared.events import Event, EventType
from domain.shared.sla import BusinessHours
from domain.webhooks.deliveries import DeliveryStatus, WebhookDelivery, webhook_body
from domain.webhooks.model import Subscription, new_secret
from domain.webhooks.use_cases import RedeliverDelivery, redeliver_delivery
from tests.unit.builders import user
from tests.unit.fakes import FakeGeocoder, FakeJurisdictions, FakeStore, FakeUnitOfWorkFactory
from tests.unit.wiring import Wiring

NOW = datetime(2026, 6, 15, 14, 0, tzinfo=UTC)
ADMIN = Principal.of(user(1, Role.ADMIN))
SAN_MANAGER = Principal.of(user(7, Role.STAFF, "sanitation", Tier.MANAGER))
DELIVERY = UUID(int=7)
DELIVERED, PENDING = DeliveryStatus.DELIVERED, DeliveryStatus.PENDING


def delivery_of(subscription: Subscription, status: DeliveryStatus) -> WebhookDelivery:
    event = Event(EventType.REQUEST_CREATED, "26-00000001", NOW)
    made = WebhookDelivery.of(subscription.id, event, webhook_body(event), NOW)
    made.id, made.status, made.attempts = DELIVERY, status, 3
    return made


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
    store.webhook_deliveries.deliveries[DELIVERY] = delivery_of(subscription, DELIVERED)
    hours = BusinessHours(UTC)
    factory = FakeUnitOfWorkFactory(store)
    return Wiring(Context(factory, FixedClock(NOW)), hours, FakeJurisdictions(), FakeGeocoder())


def queued(wiring: Wiring) -> list[tuple[UUID, int, timedelta | None]]:
    assert isinstance(wiring.context.uow, FakeUnitOfWorkFactory)
    return wiring.context.uow.store.webhook_deliveries.queued


def stored(wiring: Wiring) -> WebhookDelivery:
    assert isinstance(wiring.context.uow, FakeUnitOfWorkFactory)
    return wiring.context.uow.store.webhook_deliveries.deliveries[DELIVERY]


async def test_a_delivery_of_the_subscription_is_queued_now_as_the_next_attempt(
    wiring: Wiring, subscription: Subscription
) -> None:
    command = RedeliverDelivery(subscription.id, DELIVERY)
    await redeliver_delivery(wiring.context, command, ADMIN)
    assert queued(wiring) == [(DELIVERY, 4, None)]
    again = stored(wiring)
    assert (again.status, again.attempts, again.next_attempt_at) == (PENDING, 3, NOW)
    assert again.delivered_at is None


async def test_a_delivery_of_another_subscription_is_not_found(
    wiring: Wiring, subscription: Subscription
) -> None:
    command = RedeliverDelivery(uuid4(), DELIVERY)
    store = wiring.context.uow.store  # type: ignore[attr-defined]
    store.webhooks[command.subscription_id] = replace(subscription, id=command.subscription_id)
    with pytest.raises(NotFound, match=f"delivery {DELIVERY} was not found"):
        await redeliver_delivery(wiring.context, command, ADMIN)
    with pytest.raises(NotFound, match=r"delivery .* was not found"):
        await redeliver_delivery(wiring.context, RedeliverDelivery(subscription.id, uuid4()), ADMIN)
    assert queued(wiring) == []


async def test_a_subscription_of_another_department_is_not_found(
    wiring: Wiring, subscription: Subscription
) -> None:
    command = RedeliverDelivery(subscription.id, DELIVERY)
    with pytest.raises(NotFound, match="webhook subscription"):
        await redeliver_delivery(wiring.context, command, SAN_MANAGER)
    assert queued(wiring) == []
    assert stored(wiring).status is DELIVERED


async def test_a_delivery_already_waiting_is_a_conflict(
    wiring: Wiring, subscription: Subscription
) -> None:
    command = RedeliverDelivery(subscription.id, DELIVERY)
    await redeliver_delivery(wiring.context, command, ADMIN)
    with pytest.raises(Conflict, match="already waiting"):
        await redeliver_delivery(wiring.context, command, ADMIN)
    assert queued(wiring) == [(DELIVERY, 4, None)]

"""WebhookDeliveries, DeliveryQueue and WebhookRepository.matching: what the webhook jobs need.

The SQL filter of `matching` must agree with `Subscription.matches`, which the fake uses.
"""

from datetime import timedelta
from uuid import UUID

import pytest

from domain.shared.events import Event, EventType
from domain.webhooks.deliveries import (
    DeliveryAttempt,
    DeliveryStatus,
    Outcome,
    WebhookDelivery,
    webhook_body,
)
from domain.webhooks.model import Subscription
from tests.contract.conftest import Backend
from tests.integration.builders import T0, at

CREATED = Event(
    EventType.REQUEST_CREATED,
    "26-00000001",
    T0,
    "transportation",
    "trm-pothole-repair",
    {"sequence": 1},
    UUID(int=0xE1),
)


def hook(number: int, **fields: object) -> Subscription:
    values: dict[str, object] = {
        "id": UUID(int=number),
        "url": f"https://partner.example/hooks/{number}",
        "event_types": [EventType.REQUEST_CREATED],
        "secret": "s3cret-s3cret-s3cret",
        "created_at": T0,
        "updated_at": T0,
        **fields,
    }
    return Subscription(**values)  # type: ignore[arg-type]


async def add_hooks(backend: Backend, *subscriptions: Subscription) -> None:
    async with backend.uow() as uow:
        for subscription in subscriptions:
            await uow.webhooks.add(subscription)
        await uow.commit()


def made(subscription_id: UUID = UUID(int=1), event: Event = CREATED) -> WebhookDelivery:
    return WebhookDelivery.of(subscription_id, event, webhook_body(event), T0)


async def stored(backend: Backend, delivery_id: UUID) -> WebhookDelivery | None:
    async with backend.uow() as uow:
        return await uow.webhook_deliveries.get(delivery_id)


async def test_matching_agrees_with_the_rule_and_goes_by_id(backend: Backend) -> None:
    hooks = [
        hook(9),  # every department and service
        hook(3, department_code="transportation"),
        hook(5, department_code="transportation", service_codes=["trm-pothole-repair"]),
        hook(2, event_types=[EventType.REQUEST_CLOSED]),
        hook(4, department_code="health"),
        hook(6, service_codes=["bge-stlights-out"]),
        hook(7, active=False),
        hook(8, event_types=[EventType.REQUEST_CLOSED, EventType.REQUEST_CREATED]),
    ]
    await add_hooks(backend, *hooks)
    without_place = Event(EventType.REQUEST_CREATED, "26-00000002", T0)
    async with backend.uow() as uow:
        for event in (CREATED, without_place):
            expected = sorted(h.id for h in hooks if h.matches(event))
            assert [s.id for s in await uow.webhooks.matching(event)] == expected
    assert expected == [UUID(int=8), UUID(int=9)]  # no department or service: city-wide only


async def test_a_delivery_reads_back_equal_and_an_event_is_delivered_once(
    backend: Backend,
) -> None:
    await add_hooks(backend, hook(1))
    first, again = made(), made()
    async with backend.uow() as uow:
        assert await uow.webhook_deliveries.add(first)
        assert not await uow.webhook_deliveries.add(again)  # same subscription and event
        await uow.commit()
    async with backend.uow() as uow:
        assert not await uow.webhook_deliveries.add(made())
        await uow.commit()
    assert await stored(backend, first.id) == first
    assert await stored(backend, again.id) is None
    assert first.status is DeliveryStatus.PENDING and first.next_attempt_at == T0


async def test_save_writes_the_state_and_never_creates_a_delivery(backend: Backend) -> None:
    await add_hooks(backend, hook(1))
    delivery = made()
    async with backend.uow() as uow:
        await uow.webhook_deliveries.add(delivery)
        await uow.commit()
    async with backend.uow() as uow:
        locked = await uow.webhook_deliveries.get(delivery.id, for_update=True)
        assert locked is not None
        locked.retry(1, at(1))
        await uow.webhook_deliveries.save(locked)
        # no commit: rolled back
    assert await stored(backend, delivery.id) == delivery
    phantom = made(event=Event(EventType.REQUEST_CLOSED, "26-00000003", T0))
    async with backend.uow() as uow:
        await uow.webhook_deliveries.save(locked)
        await uow.webhook_deliveries.save(phantom)
        await uow.commit()
    assert await stored(backend, delivery.id) == locked
    assert await stored(backend, phantom.id) is None
    assert (locked.attempts, locked.next_attempt_at) == (1, at(1))


async def test_an_attempt_is_recorded_once(backend: Backend) -> None:
    await add_hooks(backend, hook(1))
    delivery = made()
    first = DeliveryAttempt.of(delivery.id, 1, T0, Outcome(503, 12, "HTTP 503"))
    async with backend.uow() as uow:
        await uow.webhook_deliveries.add(delivery)
        await uow.webhook_deliveries.record(first)
        await uow.webhook_deliveries.record(
            DeliveryAttempt.of(delivery.id, 2, at(1), Outcome(200, 8, None))
        )
        await uow.commit()
    with pytest.raises(backend.duplicate_key):
        async with backend.uow() as uow:
            await uow.webhook_deliveries.record(first)
            await uow.commit()


async def test_jobs_are_queued_only_when_the_unit_commits(backend: Backend) -> None:
    await add_hooks(backend, hook(1))
    delivery = made()
    async with backend.uow() as uow:
        await uow.webhook_deliveries.add(delivery)
        await uow.delivery_queue.schedule(delivery.id, 1)
        # no commit: rolled back
    assert await backend.queued_deliveries() == []
    async with backend.uow() as uow:
        await uow.webhook_deliveries.add(delivery)
        await uow.delivery_queue.schedule(delivery.id, 1)
        await uow.delivery_queue.schedule(delivery.id, 2, timedelta(seconds=40))
        await uow.commit()
    assert await backend.queued_deliveries() == [
        (delivery.id, 1, timedelta(0)),
        (delivery.id, 2, timedelta(seconds=40)),
    ]

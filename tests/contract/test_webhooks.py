"""WebhookRepository: round trips, listing per department in creation order, deletes."""

from dataclasses import replace
from datetime import timedelta
from uuid import UUID

import pytest

from domain.shared.events import EventType
from domain.webhooks.model import Subscription
from tests.contract.conftest import Backend
from tests.integration.builders import MANAGER_ID, T0, at

HOOK_ID, CITYWIDE_ID, LATE_ID = UUID(int=0x1), UUID(int=0x2), UUID(int=0x3)


def hook(
    subscription_id: UUID = HOOK_ID, department_code: str | None = "transportation", days: int = 0
) -> Subscription:
    created = T0 + timedelta(days=days)
    return Subscription(
        id=subscription_id,
        url=f"https://partner.example/hooks/{subscription_id.int}",
        event_types=[EventType.REQUEST_CREATED, EventType.CASE_CREATED],
        secret="s3cret-s3cret-s3cret",
        created_at=created,
        updated_at=created,
        department_code=department_code,
        service_codes=["trm-pothole-repair"] if department_code else [],
        description="Road crews",
        created_by=MANAGER_ID,
    )


async def add(backend: Backend, *subscriptions: Subscription) -> None:
    async with backend.uow() as uow:
        for subscription in subscriptions:
            await uow.webhooks.add(subscription)
        await uow.commit()


async def listed(backend: Backend, department_code: str | None) -> list[UUID]:
    async with backend.uow() as uow:
        return [s.id for s in await uow.webhooks.list(department_code)]


async def load(backend: Backend, subscription_id: UUID = HOOK_ID) -> Subscription | None:
    async with backend.uow() as uow:
        return await uow.webhooks.get(subscription_id)


async def test_an_added_subscription_reads_back_equal(backend: Backend) -> None:
    await add(backend, hook())
    assert await load(backend) == hook()
    assert await load(backend, UUID(int=404)) is None


async def test_the_list_is_in_creation_order_and_filtered_by_department(
    backend: Backend,
) -> None:
    await add(backend, hook(LATE_ID, days=2), hook(CITYWIDE_ID, None, days=1), hook())
    assert await listed(backend, None) == [HOOK_ID, CITYWIDE_ID, LATE_ID]
    assert await listed(backend, "transportation") == [HOOK_ID, LATE_ID]
    assert await listed(backend, "solid-waste") == []


async def test_save_replaces_a_subscription_and_never_creates_one(backend: Backend) -> None:
    await add(backend, hook())
    disabled = hook()
    disabled.disable("410 Gone from the partner", at(3))
    async with backend.uow() as uow:
        await uow.webhooks.save(disabled)
        await uow.webhooks.save(hook(UUID(int=404)))
        await uow.commit()
    assert await load(backend) == disabled
    assert await load(backend, UUID(int=404)) is None


async def test_a_delete_hides_the_subscription_at_once_and_lasts_once_committed(
    backend: Backend,
) -> None:
    await add(backend, hook(), hook(CITYWIDE_ID, None, days=1))
    async with backend.uow() as uow:
        await uow.webhooks.delete(HOOK_ID)
        assert await uow.webhooks.get(HOOK_ID) is None
        assert [s.id for s in await uow.webhooks.list(None)] == [CITYWIDE_ID]
    assert await load(backend) == hook()  # not committed: still there
    async with backend.uow() as uow:
        await uow.webhooks.delete(HOOK_ID)
        await uow.commit()
    assert await load(backend) is None
    assert await listed(backend, None) == [CITYWIDE_ID]


async def test_adding_the_same_subscription_twice_is_refused(backend: Backend) -> None:
    await add(backend, hook())
    with pytest.raises(backend.duplicate_key):
        await add(backend, replace(hook(), description="again"))
    assert await load(backend) == hook()


async def test_a_subscription_deleted_then_added_again_in_one_unit_is_kept(
    backend: Backend,
) -> None:
    await add(backend, hook())
    renewed = replace(hook(), url="https://partner.example/hooks/new", updated_at=at(1))
    async with backend.uow() as uow:
        await uow.webhooks.delete(HOOK_ID)
        await uow.webhooks.add(renewed)
        await uow.commit()
    assert await load(backend) == renewed
    assert await listed(backend, None) == [HOOK_ID]

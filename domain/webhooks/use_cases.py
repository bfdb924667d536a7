"""Managing webhook subscriptions: administrators for everything, managers for their department.

A subscription outside the caller's reach is answered as if it did not exist (404).
"""

from dataclasses import dataclass, field
from uuid import UUID, uuid4

from domain.directory.permissions import Principal
from domain.shared.context import Context
from domain.shared.errors import Conflict, NotFound, ValidationFailed
from domain.webhooks.model import Subscription, check_event_types, check_url, new_secret
from domain.webhooks.ports import WebhooksUnitOfWork

MAX_SERVICE_CODES = 50
MAX_DESCRIPTION = 500


@dataclass(frozen=True)
class SubscriptionChange:
    url: str | None = None
    event_types: list[str] | None = None
    department_code: str | None = None
    service_codes: list[str] | None = None
    description: str | None = None
    active: bool | None = None
    changed: frozenset[str] = field(default_factory=frozenset)


async def _check_filters(
    uow: WebhooksUnitOfWork, department_code: str | None, service_codes: list[str]
) -> list[str]:
    if department_code is not None and await uow.departments.get(department_code) is None:
        raise ValidationFailed.single("department", "is not a known department")
    if len(service_codes) > MAX_SERVICE_CODES:
        raise ValidationFailed.single("service_codes", f"at most {MAX_SERVICE_CODES}")
    for code in service_codes:
        if await uow.services.get(code) is None:
            raise ValidationFailed.single("service_codes", f"{code!r} is not a known service")
    return list(dict.fromkeys(service_codes))


def _description(text: str) -> str:
    if len(text) > MAX_DESCRIPTION:
        raise ValidationFailed.single("description", f"at most {MAX_DESCRIPTION} characters")
    return text.strip()


async def create_subscription(
    context: Context[WebhooksUnitOfWork], change: SubscriptionChange, principal: Principal
) -> Subscription:
    """The answer is the only time the secret is shown in full, with rotation."""
    principal.require_manage_webhooks(change.department_code)
    now = context.clock.now()
    async with context.uow() as uow:
        subscription = Subscription(
            id=uuid4(),
            url=check_url(change.url or ""),
            event_types=check_event_types(change.event_types or []),
            secret=new_secret(),
            created_at=now,
            updated_at=now,
            department_code=change.department_code,
            service_codes=await _check_filters(
                uow, change.department_code, change.service_codes or []
            ),
            description=_description(change.description or ""),
            active=True if change.active is None else change.active,
            created_by=principal.user_id,
        )
        await uow.webhooks.add(subscription)
        await uow.commit()
    return subscription


async def _load(
    uow: WebhooksUnitOfWork, subscription_id: UUID, principal: Principal
) -> Subscription:
    subscription = await uow.webhooks.get(subscription_id, for_update=True)
    if subscription is None or not principal.can_manage_webhooks(subscription.department_code):
        raise NotFound(f"webhook subscription {subscription_id} was not found")
    return subscription


async def get_subscription(
    context: Context[WebhooksUnitOfWork], subscription_id: UUID, principal: Principal
) -> Subscription:
    principal.require_any_webhooks()
    async with context.uow() as uow:
        return await _load(uow, subscription_id, principal)


async def list_subscriptions(
    context: Context[WebhooksUnitOfWork], principal: Principal
) -> list[Subscription]:
    principal.require_any_webhooks()
    async with context.uow() as uow:
        return await uow.webhooks.list(principal.visible_department())


async def update_subscription(
    context: Context[WebhooksUnitOfWork],
    subscription_id: UUID,
    change: SubscriptionChange,
    principal: Principal,
) -> Subscription:
    """Only the fields named in `changed` change; re-enabling clears the reason it stopped."""
    principal.require_any_webhooks()
    now = context.clock.now()
    async with context.uow() as uow:
        subscription = await _load(uow, subscription_id, principal)
        await _apply_filters(uow, subscription, change, principal)
        _apply_fields(subscription, change)
        if "active" in change.changed and change.active is not None:
            if change.active:
                subscription.enable(now)
            else:
                subscription.disable("disabled by a user", now)
        subscription.updated_at = now
        await uow.webhooks.save(subscription)
        await uow.commit()
    return subscription


async def _apply_filters(
    uow: WebhooksUnitOfWork, sub: Subscription, change: SubscriptionChange, principal: Principal
) -> None:
    """A manager cannot move a subscription out of their department (nor make it city-wide)."""
    if "department_code" in change.changed:
        principal.require_manage_webhooks(change.department_code)
        sub.department_code = change.department_code
    if "service_codes" in change.changed or "department_code" in change.changed:
        codes = change.service_codes if "service_codes" in change.changed else None
        sub.service_codes = await _check_filters(
            uow, sub.department_code, sub.service_codes if codes is None else codes
        )


def _apply_fields(sub: Subscription, change: SubscriptionChange) -> None:
    if "url" in change.changed:
        sub.url = check_url(change.url or "")
    if "event_types" in change.changed:
        sub.event_types = check_event_types(change.event_types or [])
    if "description" in change.changed:
        sub.description = _description(change.description or "")


async def rotate_secret(
    context: Context[WebhooksUnitOfWork], subscription_id: UUID, principal: Principal
) -> Subscription:
    principal.require_any_webhooks()
    async with context.uow() as uow:
        subscription = await _load(uow, subscription_id, principal)
        subscription.rotate_secret(context.clock.now())
        await uow.webhooks.save(subscription)
        await uow.commit()
    return subscription


async def delete_subscription(
    context: Context[WebhooksUnitOfWork], subscription_id: UUID, principal: Principal
) -> None:
    principal.require_any_webhooks()
    async with context.uow() as uow:
        await _load(uow, subscription_id, principal)
        await uow.webhooks.delete(subscription_id)
        await uow.commit()


@dataclass(frozen=True)
class RedeliverDelivery:
    subscription_id: UUID
    delivery_id: UUID


async def redeliver_delivery(
    context: Context[WebhooksUnitOfWork], command: RedeliverDelivery, principal: Principal
) -> None:
    """Send a delivery of a subscription the principal may manage again, now, with the same
    webhook-id. An unknown delivery, or one of another subscription, is not found; one
    already waiting for its next attempt is a conflict."""
    await get_subscription(context, command.subscription_id, principal)
    async with context.uow() as uow:
        delivery = await uow.webhook_deliveries.get(command.delivery_id, for_update=True)
        if delivery is None or delivery.subscription_id != command.subscription_id:
            raise NotFound(f"delivery {command.delivery_id} was not found")
        if not delivery.send_again(context.clock.now()):
            raise Conflict("the delivery is already waiting for its next attempt")
        await uow.webhook_deliveries.save(delivery)
        await uow.delivery_queue.schedule(delivery.id, delivery.attempts + 1)
        await uow.commit()

"""The webhook jobs: fan an event out to its subscriptions, and make one delivery attempt.

Both are safe to run twice. The fan-out makes at most one delivery per (subscription, event).
An attempt locks its delivery and runs only if it is the attempt due, so a job that runs
again after a crash finds the attempt recorded and does nothing, or (when the crash came
before the record) sends again with the same `webhook-id`. The attempt's record and the
next attempt's job commit together.
"""

import logging
import random
from datetime import datetime
from uuid import UUID

from domain.shared.context import Context
from domain.shared.events import Event
from domain.webhooks.deliveries import DeliveryAttempt, Outcome, WebhookDelivery, webhook_body
from domain.webhooks.model import Subscription
from domain.webhooks.ports import WebhookPoster, WebhooksUnitOfWork
from domain.webhooks.retry import RetryPolicy, parse_retry_after
from domain.webhooks.signing import signed_headers

log = logging.getLogger("frontdoor.webhooks")

GONE = "the receiver answered 410 Gone"


async def fan_out(context: Context[WebhooksUnitOfWork], event: Event) -> list[UUID]:
    """One delivery, and its first attempt's job, per subscription that hears the event;
    returns the deliveries made (none when the event was fanned out before)."""
    body, now = webhook_body(event), context.clock.now()
    async with context.uow() as uow:
        made = []
        for subscription in await uow.webhooks.matching(event):
            delivery = WebhookDelivery.of(subscription.id, event, body, now)
            if await uow.webhook_deliveries.add(delivery):
                made.append(delivery.id)
        for delivery_id in made:
            await uow.delivery_queue.schedule(delivery_id, 1)
        await uow.commit()
    return made


async def deliver(
    context: Context[WebhooksUnitOfWork],
    delivery_id: UUID,
    attempt: int,
    *,
    poster: WebhookPoster,
    policy: RetryPolicy,
    rng: random.Random,
) -> None:
    """Sign, POST, record, and schedule the next attempt (or settle the delivery)."""
    async with context.uow() as uow:
        delivery = await uow.webhook_deliveries.get(delivery_id, for_update=True)
        if delivery is None or not delivery.awaits(attempt):
            return
        subscription = await uow.webhooks.get(delivery.subscription_id)
        if subscription is None:
            return
        if not subscription.active:
            delivery.cancel()
        else:
            outcome = await _post(context, poster, delivery, subscription)
            await _record(context, uow, delivery, attempt, outcome, policy, rng)
        await uow.webhook_deliveries.save(delivery)
        await uow.commit()


async def _post(
    context: Context[WebhooksUnitOfWork],
    poster: WebhookPoster,
    delivery: WebhookDelivery,
    subscription: Subscription,
) -> Outcome:
    timestamp = int(context.clock.now().timestamp())
    headers = signed_headers(subscription.secret, str(delivery.id), timestamp, delivery.body)
    return await poster.post(subscription.url, delivery.body, headers)


async def _record(
    context: Context[WebhooksUnitOfWork],
    uow: WebhooksUnitOfWork,
    delivery: WebhookDelivery,
    attempt: int,
    outcome: Outcome,
    policy: RetryPolicy,
    rng: random.Random,
) -> None:
    now = context.clock.now()
    await uow.webhook_deliveries.record(DeliveryAttempt.of(delivery.id, attempt, now, outcome))
    if outcome.delivered:
        delivery.succeeded(attempt, now)
        return
    if outcome.gone:
        await _disable(uow, delivery.subscription_id, now)
        delivery.failed(attempt)
        return
    retry_after = parse_retry_after(outcome.retry_after, now)
    delay = policy.next_delay(attempt, now - delivery.created_at, retry_after, rng)
    if delay is None:
        log.warning("webhook delivery %s failed for good after %d attempts", delivery.id, attempt)
        delivery.failed(attempt)
        return
    delivery.retry(attempt, now + delay)
    await uow.delivery_queue.schedule(delivery.id, attempt + 1, delay)


async def _disable(uow: WebhooksUnitOfWork, subscription_id: UUID, now: datetime) -> None:
    subscription = await uow.webhooks.get(subscription_id, for_update=True)
    if subscription is not None:
        subscription.disable(GONE, now)
        await uow.webhooks.save(subscription)

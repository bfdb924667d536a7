"""Webhook subscriptions (Standard Webhooks), their delivery log and redelivery."""

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Response, status

from api.deps import ContainerDep, PrincipalDep
from api.problems import problem_responses
from api.schemas.webhooks import (
    DeliveryList,
    DeliveryOut,
    WebhookCreate,
    WebhookList,
    WebhookOut,
    WebhookPatch,
    WebhookWithSecret,
)
from domain.webhooks.use_cases import (
    RedeliverDelivery,
    create_subscription,
    delete_subscription,
    get_subscription,
    list_subscriptions,
    redeliver_delivery,
    rotate_secret,
    update_subscription,
)

router = APIRouter(prefix="/api/v1/webhooks", tags=["webhooks"])

WRITE_ERRORS = problem_responses(400, 401, 403, 404, 413, 422)


@router.get("", response_model=WebhookList, responses=problem_responses(401, 403))
async def list_webhooks(container: ContainerDep, principal: PrincipalDep) -> WebhookList:
    """Administrators see every subscription; a department manager sees their department's."""
    found = await list_subscriptions(container.context, principal)
    return WebhookList(items=[WebhookOut.of(s) for s in found])


@router.post(
    "",
    response_model=WebhookWithSecret,
    status_code=status.HTTP_201_CREATED,
    responses=WRITE_ERRORS,
)
async def create_webhook(
    body: WebhookCreate, container: ContainerDep, principal: PrincipalDep, response: Response
) -> WebhookWithSecret:
    """Subscribe a URL to events. The answer holds the signing secret (`whsec_…`): it is not
    shown again. Managers subscribe to their own department's events only."""
    subscription = await create_subscription(container.context, body.to_change(), principal)
    response.headers["Location"] = f"/api/v1/webhooks/{subscription.id}"
    return WebhookWithSecret.of_new(subscription)


@router.get(
    "/{webhook_id}", response_model=WebhookOut, responses=problem_responses(401, 403, 404, 422)
)
async def get_webhook(
    webhook_id: UUID, container: ContainerDep, principal: PrincipalDep
) -> WebhookOut:
    return WebhookOut.of(await get_subscription(container.context, webhook_id, principal))


@router.patch("/{webhook_id}", response_model=WebhookOut, responses=WRITE_ERRORS)
async def change_webhook(
    webhook_id: UUID, body: WebhookPatch, container: ContainerDep, principal: PrincipalDep
) -> WebhookOut:
    """Change what is given. `active: true` re-enables a subscription a 410 switched off."""
    changed = await update_subscription(container.context, webhook_id, body.to_change(), principal)
    return WebhookOut.of(changed)


@router.post(
    "/{webhook_id}/rotate-secret",
    response_model=WebhookWithSecret,
    responses=problem_responses(401, 403, 404, 422),
)
async def rotate_webhook_secret(
    webhook_id: UUID, container: ContainerDep, principal: PrincipalDep
) -> WebhookWithSecret:
    """A new secret, in force from the next attempt; the old one stops working at once."""
    subscription = await rotate_secret(container.context, webhook_id, principal)
    return WebhookWithSecret.of_new(subscription)


@router.delete(
    "/{webhook_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=problem_responses(401, 403, 404, 422),
)
async def delete_webhook(
    webhook_id: UUID, container: ContainerDep, principal: PrincipalDep
) -> Response:
    """Removes the subscription and its delivery log; pending attempts are dropped."""
    await delete_subscription(container.context, webhook_id, principal)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/{webhook_id}/deliveries",
    response_model=DeliveryList,
    responses=problem_responses(401, 403, 404, 422),
)
async def list_webhook_deliveries(
    webhook_id: UUID,
    container: ContainerDep,
    principal: PrincipalDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> DeliveryList:
    """Newest first, each with its attempts: when, HTTP status, duration and error."""
    await get_subscription(container.context, webhook_id, principal)
    rows = await container.webhook_reads.deliveries(webhook_id, limit)
    return DeliveryList(items=[DeliveryOut.of(row) for row in rows])


@router.post(
    "/{webhook_id}/deliveries/{delivery_id}/redeliver",
    status_code=status.HTTP_202_ACCEPTED,
    response_class=Response,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def redeliver_webhook(
    webhook_id: UUID, delivery_id: UUID, container: ContainerDep, principal: PrincipalDep
) -> Response:
    """Send a delivered or failed delivery again, now, with the same `webhook-id`."""
    command = RedeliverDelivery(webhook_id, delivery_id)
    await redeliver_delivery(container.context, command, principal)
    return Response(status_code=status.HTTP_202_ACCEPTED)

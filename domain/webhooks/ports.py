from collections.abc import Mapping
from datetime import timedelta
from typing import Protocol
from uuid import UUID

from domain.directory.ports import CatalogUnitOfWork
from domain.shared.events import Event
from domain.webhooks.deliveries import DeliveryAttempt, Outcome, WebhookDelivery
from domain.webhooks.model import Subscription


class WebhookRepository(Protocol):
    async def get(
        self, subscription_id: UUID, *, for_update: bool = False
    ) -> Subscription | None: ...

    async def add(self, subscription: Subscription) -> None: ...

    async def save(self, subscription: Subscription) -> None: ...

    async def delete(self, subscription_id: UUID) -> None: ...

    async def matching(self, event: Event) -> list[Subscription]:
        """The subscriptions that hear the event (`Subscription.matches`), by id."""
        ...

    async def list(self, department_code: str | None) -> list[Subscription]:
        """All of them (None), or those of one department."""
        ...


class WebhookDeliveries(Protocol):
    async def add(self, delivery: WebhookDelivery) -> bool:
        """False, and nothing added, when the subscription has a delivery of the event."""
        ...

    async def get(
        self, delivery_id: UUID, *, for_update: bool = False
    ) -> WebhookDelivery | None: ...

    async def save(self, delivery: WebhookDelivery) -> None:
        """Its status, attempts and dates; a delivery that is not there is not created."""
        ...

    async def record(self, attempt: DeliveryAttempt) -> None:
        """Add one attempt to the delivery's log."""
        ...


class DeliveryQueue(Protocol):
    async def schedule(
        self, delivery_id: UUID, attempt: int, after: timedelta | None = None
    ) -> None:
        """A job for the attempt, run once the unit of work commits (and `after` passed)."""
        ...


class WebhookPoster(Protocol):
    async def post(self, url: str, body: str, headers: Mapping[str, str]) -> Outcome:
        """POST the body; errors (a refused address, a timeout) come back as an Outcome."""
        ...


class WebhooksUnitOfWork(CatalogUnitOfWork, Protocol):
    webhooks: WebhookRepository
    webhook_deliveries: WebhookDeliveries
    delivery_queue: DeliveryQueue

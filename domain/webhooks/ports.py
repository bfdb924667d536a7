from typing import Protocol
from uuid import UUID

from domain.directory.ports import CatalogUnitOfWork
from domain.webhooks.model import Subscription


class WebhookRepository(Protocol):
    async def get(
        self, subscription_id: UUID, *, for_update: bool = False
    ) -> Subscription | None: ...

    async def add(self, subscription: Subscription) -> None: ...

    async def save(self, subscription: Subscription) -> None: ...

    async def delete(self, subscription_id: UUID) -> None: ...

    async def list(self, department_code: str | None) -> list[Subscription]:
        """All of them (None), or those of one department."""
        ...


class WebhooksUnitOfWork(CatalogUnitOfWork, Protocol):
    webhooks: WebhookRepository

"""The fake webhook deliveries and their job queue: committed with the unit of work, or not.

As the SQL table's unique key: one delivery per (subscription, event). The queue keeps the
jobs the committed units of work scheduled, in order, as (delivery, attempt, delay).
"""

from copy import deepcopy
from dataclasses import dataclass, field
from datetime import timedelta
from uuid import UUID

from domain.webhooks.deliveries import DeliveryAttempt, WebhookDelivery
from tests.unit.fakes_errors import DuplicateKey


@dataclass
class DeliveryStore:
    deliveries: dict[UUID, WebhookDelivery] = field(default_factory=dict)
    attempts: list[DeliveryAttempt] = field(default_factory=list)
    queued: list[tuple[UUID, int, timedelta | None]] = field(default_factory=list)


class FakeWebhookDeliveries:
    def __init__(self, store: DeliveryStore) -> None:
        self._store = store
        self._writes: dict[UUID, WebhookDelivery] = {}
        self._attempts: list[DeliveryAttempt] = []

    def _rows(self) -> dict[UUID, WebhookDelivery]:
        return {**self._store.deliveries, **self._writes}

    async def add(self, delivery: WebhookDelivery) -> bool:
        key = (delivery.subscription_id, delivery.event_id)
        if any((d.subscription_id, d.event_id) == key for d in self._rows().values()):
            return False
        self._writes[delivery.id] = deepcopy(delivery)
        return True

    async def get(self, delivery_id: UUID, *, for_update: bool = False) -> WebhookDelivery | None:
        return deepcopy(self._rows().get(delivery_id))

    async def save(self, delivery: WebhookDelivery) -> None:
        stored = self._rows().get(delivery.id)
        if stored is not None:  # only what an UPDATE changes
            stored = deepcopy(stored)
            stored.status, stored.attempts = delivery.status, delivery.attempts
            stored.next_attempt_at = delivery.next_attempt_at
            stored.delivered_at = delivery.delivered_at
            self._writes[delivery.id] = stored

    async def record(self, attempt: DeliveryAttempt) -> None:
        key = (attempt.delivery_id, attempt.attempt)
        if any((a.delivery_id, a.attempt) == key for a in self._store.attempts + self._attempts):
            raise DuplicateKey(f"attempt {attempt.attempt} of {attempt.delivery_id} is recorded")
        self._attempts.append(attempt)

    def apply(self) -> None:
        self._store.deliveries.update(self._writes)
        self._store.attempts.extend(self._attempts)
        self.discard()

    def discard(self) -> None:
        self._writes, self._attempts = {}, []


class FakeDeliveryQueue:
    def __init__(self, store: DeliveryStore) -> None:
        self._store = store
        self._staged: list[tuple[UUID, int, timedelta | None]] = []

    async def schedule(
        self, delivery_id: UUID, attempt: int, after: timedelta | None = None
    ) -> None:
        self._staged.append((delivery_id, attempt, after))

    def apply(self) -> None:
        self._store.queued.extend(self._staged)
        self._staged = []

    def discard(self) -> None:
        self._staged = []

"""The built-in subscriber: one delivery, and one delivery job, per matching subscription."""

from domain.shared.context import Context
from domain.shared.events import Event
from domain.webhooks.delivery import fan_out
from domain.webhooks.ports import WebhooksUnitOfWork


class WebhookFanOut:
    """Idempotent by event id: a delivery is made once per (subscription, event)."""

    def __init__(self, context: Context[WebhooksUnitOfWork]) -> None:
        self._context = context

    async def handle(self, event: Event) -> None:
        await fan_out(self._context, event)

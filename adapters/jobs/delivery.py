"""One webhook delivery attempt, as a job (the rules are domain/webhooks/delivery.py).

The POST is made with an httpx client that the SSRF guard vets and never follows redirects;
a refused address or a network error is a failed attempt, like a 5xx.
"""

import random
import time
from collections.abc import Mapping
from uuid import UUID

import httpx

from adapters.http.ssrf import ForbiddenDestination
from domain.shared.context import Context
from domain.webhooks.deliveries import Outcome
from domain.webhooks.delivery import deliver
from domain.webhooks.ports import WebhooksUnitOfWork
from domain.webhooks.retry import RetryPolicy

MAX_ERROR = 500


class HttpWebhookPoster:
    def __init__(self, client: httpx.AsyncClient) -> None:
        self._client = client

    async def aclose(self) -> None:
        await self._client.aclose()

    async def post(self, url: str, body: str, headers: Mapping[str, str]) -> Outcome:
        started = time.monotonic()
        try:
            async with self._client.stream(
                "POST", url, content=body.encode(), headers=dict(headers)
            ) as response:
                code, retry_after = response.status_code, response.headers.get("retry-after")
        except (httpx.HTTPError, ForbiddenDestination) as error:  # the SSRF guard refused it
            elapsed = _ms(started)
            return Outcome(None, elapsed, f"{type(error).__name__}: {error}"[:MAX_ERROR])
        return Outcome(
            code, _ms(started), None if 200 <= code < 300 else f"HTTP {code}", retry_after
        )


class WebhookSender:
    def __init__(
        self,
        context: Context[WebhooksUnitOfWork],
        poster: HttpWebhookPoster,
        policy: RetryPolicy,
        rng: random.Random | None = None,
    ) -> None:
        self._context = context
        self._poster = poster
        self._policy = policy
        self._rng = rng or random.Random()  # noqa: S311 - jitter, not a secret

    async def aclose(self) -> None:
        await self._poster.aclose()

    async def deliver(self, delivery_id: UUID, attempt: int) -> None:
        await deliver(
            self._context,
            delivery_id,
            attempt,
            poster=self._poster,
            policy=self._policy,
            rng=self._rng,
        )


def _ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)

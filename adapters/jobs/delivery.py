"""One webhook delivery attempt, as a job: sign, POST, record, and schedule the next one.

The delivery row is locked for the attempt, and the job names the attempt it is: a job that
runs again after a crash finds the attempt recorded and does nothing, or (when the crash
came before the record) sends again with the same `webhook-id`, which receivers use to
drop the duplicate. The attempt's record and the next attempt's job commit together.
"""

import json
import logging
import random
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.http.ssrf import ForbiddenDestination
from adapters.jobs.fanout import delivery_job
from adapters.jobs.outbox import DELIVER, queries_on
from domain.shared.clock import Clock
from domain.webhooks.retry import RetryPolicy, parse_retry_after
from domain.webhooks.signing import sign

log = logging.getLogger("frontdoor.webhooks")

MAX_ERROR = 500

LOCK_DELIVERY = text(
    """
    SELECT d.id, d.body, d.status, d.attempts, d.created_at, d.subscription_id,
           s.url, s.secret, s.active
    FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
    WHERE d.id = :id
    FOR UPDATE OF d
    """
)
RECORD_ATTEMPT = text(
    """
    INSERT INTO webhook_attempts (delivery_id, attempt, at, status_code, duration_ms, error)
    VALUES (:delivery_id, :attempt, :at, :status_code, :duration_ms, :error)
    """
)
UPDATE_DELIVERY = text(
    """
    UPDATE webhook_deliveries
    SET status = :status, attempts = :attempt, next_attempt_at = :next_attempt_at,
        delivered_at = :delivered_at
    WHERE id = :id
    """
)
DISABLE_SUBSCRIPTION = text(
    """
    UPDATE webhook_subscriptions SET active = false, disabled_reason = :reason, updated_at = :at
    WHERE id = :id
    """
)


@dataclass(frozen=True)
class Outcome:
    status_code: int | None
    duration_ms: int
    error: str | None
    retry_after: str | None = None

    @property
    def delivered(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300

    @property
    def gone(self) -> bool:
        return self.status_code == 410


def parse_job(payload: bytes) -> tuple[UUID, int]:
    raw = json.loads(payload)
    return UUID(raw["delivery_id"]), int(raw["attempt"])


class WebhookSender:
    def __init__(
        self,
        engine: AsyncEngine,
        client: httpx.AsyncClient,
        clock: Clock,
        policy: RetryPolicy,
        rng: random.Random | None = None,
    ) -> None:
        self._engine = engine
        self._client = client
        self._clock = clock
        self._policy = policy
        self._rng = rng or random.Random()  # noqa: S311 - jitter, not a secret

    async def aclose(self) -> None:
        await self._client.aclose()

    async def deliver(self, delivery_id: UUID, attempt: int) -> None:
        async with self._engine.begin() as db:
            row = (await db.execute(LOCK_DELIVERY, {"id": delivery_id})).first()
            if row is None or row.status != "pending" or row.attempts != attempt - 1:
                return  # done already, cancelled, or another attempt's job
            if not row.active:
                await self._finish(db, delivery_id, attempt - 1, "cancelled")
                return
            outcome = await self._post(row)
            await self._record(db, row, attempt, outcome)

    async def _post(self, row: Any) -> Outcome:
        message_id = str(row.id)
        timestamp = int(self._clock.now().timestamp())
        headers = {
            "content-type": "application/json",
            "webhook-id": message_id,
            "webhook-timestamp": str(timestamp),
            "webhook-signature": sign(row.secret, message_id, timestamp, row.body),
        }
        started = time.monotonic()
        try:
            async with self._client.stream(
                "POST", row.url, content=row.body.encode(), headers=headers
            ) as response:
                code, retry_after = response.status_code, response.headers.get("retry-after")
        except (httpx.HTTPError, ForbiddenDestination) as error:  # the SSRF guard refused it
            elapsed = _ms(started)
            return Outcome(None, elapsed, f"{type(error).__name__}: {error}"[:MAX_ERROR])
        return Outcome(
            code, _ms(started), None if 200 <= code < 300 else f"HTTP {code}", retry_after
        )

    async def _record(self, db: AsyncConnection, row: Any, attempt: int, outcome: Outcome) -> None:
        now = self._clock.now()
        await db.execute(
            RECORD_ATTEMPT,
            {
                "delivery_id": row.id,
                "attempt": attempt,
                "at": now,
                "status_code": outcome.status_code,
                "duration_ms": outcome.duration_ms,
                "error": outcome.error,
            },
        )
        if outcome.delivered:
            await self._finish(db, row.id, attempt, "delivered", delivered_at=now)
            return
        if outcome.gone:
            reason = "the receiver answered 410 Gone"
            await db.execute(
                DISABLE_SUBSCRIPTION, {"id": row.subscription_id, "reason": reason, "at": now}
            )
            await self._finish(db, row.id, attempt, "failed")
            return
        retry_after = parse_retry_after(outcome.retry_after, now)
        delay = self._policy.next_delay(attempt, now - row.created_at, retry_after, self._rng)
        if delay is None:
            log.warning("webhook delivery %s failed for good after %d attempts", row.id, attempt)
            await self._finish(db, row.id, attempt, "failed")
            return
        await self._finish(db, row.id, attempt, "pending", next_attempt_at=now + delay)
        queries = await queries_on(db)
        await queries.enqueue(DELIVER, delivery_job(row.id, attempt + 1), execute_after=delay)

    @staticmethod
    async def _finish(
        db: AsyncConnection,
        delivery_id: UUID,
        attempts: int,
        status: str,
        *,
        next_attempt_at: datetime | None = None,
        delivered_at: datetime | None = None,
    ) -> None:
        await db.execute(
            UPDATE_DELIVERY,
            {
                "id": delivery_id,
                "status": status,
                "attempt": attempts,
                "next_attempt_at": next_attempt_at,
                "delivered_at": delivered_at,
            },
        )


def _ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)


async def redeliver(engine: AsyncEngine, delivery_id: UUID, now: datetime) -> bool:
    """Send a delivery again, now, with the same webhook-id; False if it is already pending."""
    async with engine.begin() as db:
        row = (
            await db.execute(
                text("SELECT status, attempts FROM webhook_deliveries WHERE id = :id FOR UPDATE"),
                {"id": delivery_id},
            )
        ).first()
        if row is None or row.status == "pending":
            return False
        await WebhookSender._finish(db, delivery_id, row.attempts, "pending", next_attempt_at=now)
        queries = await queries_on(db)
        await queries.enqueue(DELIVER, delivery_job(delivery_id, row.attempts + 1))
    return True

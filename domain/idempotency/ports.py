from datetime import datetime
from typing import Protocol

from domain.idempotency.model import Claim, StoredResponse


class IdempotencyStore(Protocol):
    """Keys by (scope, key): the scope is the caller, so two callers never share a key."""

    async def claim(self, scope: str, key: str, fingerprint: str, now: datetime) -> Claim:
        """Take the key (Claimed), or say what became of the request that took it first.

        An expired record, or a claim older than the in-flight lease, is taken over.
        """
        ...

    async def complete(
        self, scope: str, key: str, response: StoredResponse, now: datetime
    ) -> None: ...

    async def release(self, scope: str, key: str) -> None:
        """Forget a claim whose request failed, so that a retry runs again."""
        ...

    async def purge_expired(self, now: datetime) -> int: ...

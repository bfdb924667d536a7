from datetime import datetime
from typing import Protocol

from domain.requests.model import ServiceRequest


class RequestRepository(Protocol):
    async def next_id(self, at: datetime) -> str:
        """A fresh reference of the form YY-NNNNNNNN."""
        ...

    async def get(self, request_id: str, *, for_update: bool = False) -> ServiceRequest | None: ...

    async def add(self, request: ServiceRequest) -> None:
        """Insert the request and its pending timeline entries."""
        ...

    async def save(self, request: ServiceRequest, expected_version: int) -> None:
        """Write the changes and pending entries; raise PreconditionFailed on a stale version."""
        ...

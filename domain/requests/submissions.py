"""The record of a request that came in through Open311 (its token), and its port."""

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from uuid import UUID


@dataclass(frozen=True)
class Open311Submission:
    request_id: str
    token: str
    created_at: datetime
    api_key_id: UUID | None = None
    device_id: str | None = None
    account_id: str | None = None
    media_url: str | None = None


class Open311SubmissionRepository(Protocol):
    async def add(self, submission: Open311Submission) -> None: ...

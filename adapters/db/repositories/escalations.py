"""The escalation log: (request, threshold) once announced, never pruned."""

from datetime import datetime

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from domain.requests.escalation import Threshold

# The primary key makes a concurrent insert wait for the other transaction, then do nothing.
RECORD = text(
    "INSERT INTO escalations (request_id, threshold, at) VALUES (:id, :threshold, :at)"
    " ON CONFLICT DO NOTHING RETURNING request_id"
)


class SqlEscalationLog:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def record(self, request_id: str, threshold: Threshold, at: datetime) -> bool:
        params = {"id": request_id, "threshold": threshold.value, "at": at}
        return (await self._db.execute(RECORD, params)).first() is not None

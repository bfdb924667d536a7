"""The audit trail's answer."""

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from domain.audit.model import AuditEntry


class AuditEntryOut(BaseModel):
    seq: int = Field(description="the entry's place in the trail and its hash chain")
    at: datetime
    actor: str = Field(
        description="a user's email, an API key's name, `worker:<job>`, `anonymous` (an "
        "unsigned caller), `system`, or `db:<role>` for a change made outside the app"
    )
    request_id: str | None = Field(description="the X-Request-ID of the HTTP request")
    entity: str
    entity_id: str
    action: str = Field(description="create, update, delete, erase or import")
    before: dict[str, Any] | None = Field(
        description="the changed columns before (every column on delete); personal data and "
        'secrets read "[personal data]" and "[secret]"'
    )
    after: dict[str, Any] | None = Field(description="the changed columns after")

    @classmethod
    def of(cls, entry: AuditEntry) -> "AuditEntryOut":
        return cls(
            seq=entry.seq,
            at=entry.at,
            actor=entry.actor,
            request_id=entry.request_id,
            entity=entry.entity,
            entity_id=entry.entity_id,
            action=entry.action,
            before=entry.before,
            after=entry.after,
        )


class AuditList(BaseModel):
    items: list[AuditEntryOut]
    next_cursor: str | None = Field(description="pass as `cursor` for the next, older page")

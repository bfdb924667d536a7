"""Bodies of the API key endpoints."""

from datetime import datetime
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from domain.directory.api_keys import ApiKey, KeyRole


class ApiKeyCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    role: KeyRole = Field(
        description="open311: may post Open311 requests; partner: a department's own system"
    )
    department_code: Annotated[str, StringConstraints(max_length=64)] | None = Field(
        default=None, description="Required for a partner key: the department it works for"
    )


class ApiKeyOut(BaseModel):
    id: UUID
    name: str
    role: KeyRole
    department_code: str | None
    active: bool
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None

    @classmethod
    def of(cls, key: ApiKey) -> "ApiKeyOut":
        return cls(
            id=key.id,
            name=key.name,
            role=key.role,
            department_code=key.department_code,
            active=key.active,
            created_at=key.created_at,
            last_used_at=key.last_used_at,
            revoked_at=key.revoked_at,
        )


class ApiKeyCreated(ApiKeyOut):
    secret: str = Field(
        description="Shown once, now: send it as `X-API-Key` (partner) or `api_key` (Open311)"
    )


class ApiKeyList(BaseModel):
    items: list[ApiKeyOut]

"""API keys: how Open311 clients and departments' partner systems call us.

A key's secret is 256 random bits, shown once at creation. We store only its SHA-256: for a
secret that random, a fast unsalted hash is as safe as a password hash (no dictionary or
brute force can reach it) and lets every call find its key with one indexed look-up.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol
from uuid import UUID, uuid4

from domain.shared.errors import ValidationFailed

SECRET_PREFIX = "fd_"  # noqa: S105 - marks a Frontdoor key in logs and secret scanners
MAX_NAME = 200


class KeyRole(StrEnum):
    OPEN311 = "open311"  # may POST Open311 requests
    PARTNER = "partner"  # a department's work-order system: works that department's requests


@dataclass
class ApiKey:
    id: UUID
    name: str
    role: KeyRole
    secret_hash: str
    created_at: datetime
    department_code: str | None = None
    active: bool = True
    last_used_at: datetime | None = None
    revoked_at: datetime | None = None

    def revoke(self, at: datetime) -> None:
        if self.active:
            self.active = False
            self.revoked_at = at


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def new_secret() -> str:
    return SECRET_PREFIX + secrets.token_urlsafe(32)


def new_api_key(
    name: str, role: KeyRole, department_code: str | None, at: datetime
) -> tuple[ApiKey, str]:
    """A key and its secret. Partner keys are scoped to one department; Open311 keys to none."""
    name = name.strip()
    if not name or len(name) > MAX_NAME:
        raise ValidationFailed.single("name", f"must be 1-{MAX_NAME} characters")
    if role is KeyRole.PARTNER and not department_code:
        raise ValidationFailed.single("department_code", "a partner key needs a department")
    if role is KeyRole.OPEN311 and department_code:
        raise ValidationFailed.single("department_code", "an Open311 key takes no department")
    secret = new_secret()
    key = ApiKey(uuid4(), name, role, hash_secret(secret), at, department_code)
    return key, secret


class ApiKeyReads(Protocol):
    async def active_by_secret(self, secret: str) -> ApiKey | None:
        """The active key whose secret this is (looked up by its hash), or None."""
        ...

    async def touch(self, key_id: UUID, at: datetime) -> None:
        """Note that the key was used (coarsely: not on every request)."""
        ...

    async def all(self) -> list[ApiKey]: ...

    async def get(self, key_id: UUID) -> ApiKey | None: ...


class ApiKeyRepository(Protocol):
    async def get(self, key_id: UUID) -> ApiKey | None: ...
    async def add(self, key: ApiKey) -> None: ...
    async def save(self, key: ApiKey) -> None: ...

"""An audit entry as the trail keeps it, and what a reader asks of it."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any


class Entity(StrEnum):
    """The kinds of record whose every change the trail holds (the tables of migration 0032)."""

    REQUEST = "request"
    CASE = "case"
    RESIDENT = "resident"
    ARTICLE = "article"
    USER = "user"
    API_KEY = "api_key"
    WEBHOOK = "webhook"
    SERVICE = "service"
    DEPARTMENT = "department"
    ROUTING_RULE = "routing_rule"
    JURISDICTION_LAYER = "jurisdiction_layer"
    TRIAGE_TERM = "triage_term"
    TRANSLATION = "translation"
    PHOTO = "photo"


class Action(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    ERASE = "erase"  # a resident's erasure request
    IMPORT = "import"  # a batch of the history import


@dataclass(frozen=True)
class AuditEntry:
    """`before` and `after` hold the changed columns only (all of them on create and delete);
    personal data and secrets in them are markers, never the values."""

    seq: int
    at: datetime
    actor: str
    request_id: str | None
    entity: str
    entity_id: str
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


MAX_LIMIT = 200


@dataclass(frozen=True)
class AuditQuery:
    """Newest first. `before_seq` continues a page: entries older than that one."""

    entity: Entity | None = None
    entity_id: str | None = None
    actor: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    before_seq: int | None = None
    limit: int = 50


@dataclass(frozen=True)
class AuditPage:
    items: list[AuditEntry]
    next_before_seq: int | None  # None: no older entry

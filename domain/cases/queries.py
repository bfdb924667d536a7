"""What the case list is asked: the filter of the contacts read model."""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID


@dataclass(frozen=True)
class CaseFilter:
    channel: str | None = None
    types: tuple[str, ...] = ()
    about: str | None = None  # only contacts that name this department
    tag: str | None = None
    agent_id: UUID | None = None
    resident_id: UUID | None = None
    created_from: datetime | None = None
    created_to: datetime | None = None
    department: str | None = None  # staff: only the cases about their department
    limit: int = 50
    offset: int = 0

"""Tables of the outbox worker and the escalation scan (the webhooks have their own module).

The queue itself lives in pgqueuer's own tables (pgqueuer, pgqueuer_log, pgqueuer_schedules,
pgqueuer_statistics), created by the migration from pgqueuer's install DDL and not described
here: pgqueuer owns their shape.
"""

from sqlalchemy import (
    Column,
    DateTime,
    ForeignKey,
    Index,
    Table,
    Text,
)
from sqlalchemy.dialects.postgresql import UUID

from adapters.db.tables.base import metadata
from adapters.db.tables.requests import service_requests

handled_events = Table(
    "handled_events",
    metadata,
    Column("event_id", UUID(as_uuid=True), primary_key=True),
    Column("subscriber", Text, primary_key=True),
    Column("handled_at", DateTime(timezone=True), nullable=False),
    Index("ix_handled_events_handled_at", "handled_at"),  # the retention sweep's range
)

escalations = Table(
    "escalations",
    metadata,
    Column(
        "request_id",
        Text,
        ForeignKey(service_requests.c.id, ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("threshold", Text, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
)

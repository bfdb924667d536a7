"""Messages in and out by email and text, each on its case or request."""

from sqlalchemy import (
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Table,
    Text,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

from adapters.db.tables.base import metadata
from adapters.db.tables.cases import cases
from adapters.db.tables.directory import users
from adapters.db.tables.requests import service_requests
from adapters.db.tables.residents import residents

messages = Table(
    "messages",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("channel", Text, nullable=False),
    Column("direction", Text, nullable=False),
    Column("address", Text, nullable=False),
    Column("subject", Text, nullable=False, server_default=""),
    Column("body", Text, nullable=False, server_default=""),
    Column("external_id", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("case_id", UUID(as_uuid=True), ForeignKey(cases.c.id, ondelete="CASCADE")),
    Column("request_id", Text, ForeignKey(service_requests.c.id, ondelete="CASCADE")),
    Column("resident_id", UUID(as_uuid=True), ForeignKey(residents.c.id, ondelete="SET NULL")),
    Column("thread_ids", ARRAY(Text), nullable=False, server_default="{}"),
    Column("attachments", JSONB, nullable=False, server_default=text("'[]'::jsonb")),
    Column("author_id", UUID(as_uuid=True), ForeignKey(users.c.id)),
    Column("read_at", DateTime(timezone=True)),
    Column("sent_at", DateTime(timezone=True)),
    Column("language", Text),
    CheckConstraint("channel IN ('email', 'text')", name="channel"),
    CheckConstraint("direction IN ('in', 'out')", name="direction"),
    Index("ux_messages_external_id", "external_id", "channel", unique=True),
    Index("ix_messages_address", "channel", "address", text("at DESC")),
    Index("ix_messages_case_id", "case_id", "at", postgresql_where=text("case_id IS NOT NULL")),
    Index(
        "ix_messages_resident_id",
        "resident_id",
        postgresql_where=text("resident_id IS NOT NULL"),
    ),
    Index(
        "ix_messages_request_id",
        "request_id",
        "at",
        postgresql_where=text("request_id IS NOT NULL"),
    ),
)

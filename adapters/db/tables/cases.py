"""Cases: each contact with a resident (call, walk-in, email), and what came of it."""

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Table,
    Text,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

from adapters.db.tables.base import metadata
from adapters.db.tables.directory import departments, users
from adapters.db.tables.residents import residents

cases = Table(
    "cases",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("channel", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("language", Text),
    Column("summary", Text, nullable=False, server_default=""),
    Column("notes", Text, nullable=False, server_default=""),
    Column("resident_id", UUID(as_uuid=True), ForeignKey(residents.c.id)),
    Column("anonymous", Boolean, nullable=False, server_default=text("false")),
    Column("article_ids", ARRAY(BigInteger), nullable=False, server_default="{}"),
    Column("request_ids", ARRAY(Text), nullable=False, server_default="{}"),
    Column("referral", JSONB),
    Column("department_code", Text, ForeignKey(departments.c.code)),
    Column("resolved_on_first_contact", Boolean),
    Column("tags", ARRAY(Text), nullable=False, server_default="{}"),
    Column("call_id", Text),
    Column("started_at", DateTime(timezone=True)),
    Column("ended_at", DateTime(timezone=True)),
    Column("agent_id", UUID(as_uuid=True), ForeignKey(users.c.id)),
    Column("agent_name", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("version", Integer, nullable=False, server_default="1"),
    Column("in_inbox", Boolean, nullable=False, server_default=text("false")),
    Column("anonymized_at", DateTime(timezone=True)),  # personal data taken out (privacy)
    Index("ix_cases_created", text("created_at DESC"), text("id DESC")),
    Index("ix_cases_resident_id", "resident_id"),
    Index("ix_cases_inbox", text("updated_at DESC"), postgresql_where=text("in_inbox")),
    Index("ix_cases_request_ids", "request_ids", postgresql_using="gin"),
    Index("ix_cases_tags", "tags", postgresql_using="gin"),
    Index("ix_cases_to_anonymize", "updated_at", postgresql_where=text("anonymized_at IS NULL")),
    Index(
        "ix_cases_department_created",
        "department_code",
        text("created_at DESC"),
        postgresql_where=text("department_code IS NOT NULL"),
    ),
)

"""Residents: the people behind requests and contacts, found again by phone, email or name."""

from sqlalchemy import CheckConstraint, Column, DateTime, Index, Table, Text, text
from sqlalchemy.dialects.postgresql import ARRAY, UUID

from adapters.db.tables.base import metadata

residents = Table(
    "residents",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("first_name", Text),
    Column("last_name", Text),
    Column("folded_name", Text, nullable=False, server_default=""),
    Column("phones", ARRAY(Text), nullable=False, server_default="{}"),
    Column("phone_keys", ARRAY(Text), nullable=False, server_default="{}"),
    Column("emails", ARRAY(Text), nullable=False, server_default="{}"),
    Column("address", Text),
    Column("folded_address", Text, nullable=False, server_default=""),
    Column("preferred_language", Text),
    Column("contact_preference", Text, nullable=False, server_default="email"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("anonymized_at", DateTime(timezone=True)),  # contact data erased; the id stays
    CheckConstraint("contact_preference IN ('email', 'sms', 'none')", name="contact_preference"),
    Index("ix_residents_emails", "emails", postgresql_using="gin"),
    Index("ix_residents_phone_keys", "phone_keys", postgresql_using="gin"),
    Index(
        "ix_residents_to_anonymize", "updated_at", postgresql_where=text("anonymized_at IS NULL")
    ),
)

"""Webhooks: the subscriptions, one delivery per event and subscription, and each attempt."""

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    Integer,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, UUID

from adapters.db.tables.base import metadata
from adapters.db.tables.directory import departments, users

webhook_subscriptions = Table(
    "webhook_subscriptions",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("url", Text, nullable=False),
    Column("description", Text, nullable=False, server_default=""),
    Column("event_types", ARRAY(Text), nullable=False),
    Column("department_code", Text, ForeignKey(departments.c.code)),
    Column("service_codes", ARRAY(Text), nullable=False, server_default="{}"),
    Column("secret", Text, nullable=False),
    Column("active", Boolean, nullable=False, server_default="true"),
    Column("disabled_reason", Text),
    Column("created_by", UUID(as_uuid=True), ForeignKey(users.c.id)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_webhook_subscriptions_department_code", "department_code"),
)

webhook_deliveries = Table(
    "webhook_deliveries",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column(
        "subscription_id",
        UUID(as_uuid=True),
        ForeignKey(webhook_subscriptions.c.id, ondelete="CASCADE"),
        nullable=False,
    ),
    Column("event_id", UUID(as_uuid=True), nullable=False),
    Column("event_type", Text, nullable=False),
    Column("subject", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("next_attempt_at", DateTime(timezone=True)),
    Column("delivered_at", DateTime(timezone=True)),
    UniqueConstraint("subscription_id", "event_id"),
    Index("ix_webhook_deliveries_subscription_created", "subscription_id", "created_at"),
    Index(
        "ix_webhook_deliveries_settled_created",
        "created_at",
        postgresql_where=text("status <> 'pending'"),
    ),
)

webhook_attempts = Table(
    "webhook_attempts",
    metadata,
    Column("id", BigInteger, Identity(), primary_key=True),
    Column(
        "delivery_id",
        UUID(as_uuid=True),
        ForeignKey(webhook_deliveries.c.id, ondelete="CASCADE"),
        nullable=False,
    ),
    Column("attempt", Integer, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("status_code", Integer),
    Column("duration_ms", Integer, nullable=False),
    Column("error", Text),
    UniqueConstraint("delivery_id", "attempt"),
)

"""The record of notifications sent (what makes re-handling an event send nothing twice), and
the addresses and phones that opted out of resident email and texts."""

from sqlalchemy import Column, DateTime, Index, Table, Text
from sqlalchemy.dialects.postgresql import UUID

from adapters.db.tables.base import metadata

# No address or name here: `key` names the recipient by role or user id only.
notification_deliveries = Table(
    "notification_deliveries",
    metadata,
    Column("key", Text, primary_key=True),
    Column("event_id", UUID(as_uuid=True), nullable=False),
    Column("request_id", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("channel", Text, nullable=False),
    Column("sent_at", DateTime(timezone=True), nullable=False),
    Index("ix_notification_deliveries_request_id", "request_id"),
    Index("ix_notification_deliveries_sent_at", "sent_at"),
)

# One row per normalised address that opted out; no resident email goes to it. `source` says
# how: 'link' (the unsubscribe page) or 'one-click' (a mail client's RFC 8058 POST).
email_opt_outs = Table(
    "email_opt_outs",
    metadata,
    Column("address", Text, primary_key=True),
    Column("opted_out_at", DateTime(timezone=True), nullable=False),
    Column("source", Text, nullable=False),
)

# One row per phone (its digits, as domain.residents.model.phone_digits writes them) that
# texted a carrier stop keyword; no text goes to it until it texts START. `source`: 'keyword'.
sms_opt_outs = Table(
    "sms_opt_outs",
    metadata,
    Column("address", Text, primary_key=True),
    Column("opted_out_at", DateTime(timezone=True), nullable=False),
    Column("source", Text, nullable=False),
)

"""Idempotency keys: the first response to a keyed write, replayed to its retries."""

from sqlalchemy import Column, DateTime, Index, Integer, LargeBinary, Table, Text
from sqlalchemy.dialects.postgresql import JSONB

from adapters.db.tables.base import metadata

idempotency_keys = Table(
    "idempotency_keys",
    metadata,
    Column("scope", Text, primary_key=True),
    Column("key", Text, primary_key=True),
    Column("fingerprint", Text, nullable=False),
    Column("claimed_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("status", Integer),
    Column("headers", JSONB),
    Column("body", LargeBinary),
    Index("ix_idempotency_keys_expires_at", "expires_at"),
)

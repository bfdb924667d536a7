"""Small named values the app keeps between runs (the address index's version, the demo's
marker), one JSON value per key."""

from sqlalchemy import Column, DateTime, Table, Text
from sqlalchemy.dialects.postgresql import JSONB

from adapters.db.tables.base import NOW, metadata

app_state = Table(
    "app_state",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", JSONB, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=NOW),
)

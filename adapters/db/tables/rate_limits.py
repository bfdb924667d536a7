"""Hit counts per key and fixed window, for the rate limiter (adapters/db/rate_limit.py)."""

from sqlalchemy import Column, DateTime, Index, Integer, Table, Text

from adapters.db.tables.base import metadata

rate_limits = Table(
    "rate_limits",
    metadata,
    Column("key", Text, primary_key=True),
    Column("window_start", DateTime(timezone=True), primary_key=True),
    Column("hits", Integer, nullable=False),
    Index("ix_rate_limits_window_start", "window_start"),
)

"""The residents' web front door: spent bot-check challenges and request followers."""

from sqlalchemy import Column, DateTime, ForeignKey, Index, Table, Text
from sqlalchemy.dialects.postgresql import UUID

from adapters.db.tables.base import metadata
from adapters.db.tables.requests import service_requests

spent_challenges = Table(
    "spent_challenges",
    metadata,
    Column("digest", Text, primary_key=True),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Index("spent_challenges_expires_at", "expires_at"),
)

request_followers = Table(
    "request_followers",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column(
        "request_id",
        Text,
        ForeignKey(service_requests.c.id, ondelete="CASCADE"),
        nullable=False,
    ),
    Column("email", Text, nullable=False),
    Column("language", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("confirmed_at", DateTime(timezone=True)),
    Index("request_followers_request", "request_id"),
)

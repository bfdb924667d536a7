"""Service requests: the aggregate's row, its number sequence and its timeline."""

from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ColumnElement,
    DateTime,
    Double,
    ForeignKey,
    Identity,
    Index,
    Integer,
    Sequence,
    Table,
    Text,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID

from adapters.db.tables.base import metadata
from adapters.db.tables.directory import departments, services, users
from adapters.db.tables.residents import residents

request_number = Sequence("request_number_seq", metadata=metadata)

service_requests = Table(
    "service_requests",
    metadata,
    Column("id", Text, primary_key=True),
    Column("external_id", Text),
    Column("service_code", Text, ForeignKey(services.c.code), nullable=False),
    Column("department_code", Text, ForeignKey(departments.c.code), nullable=False),
    Column("description", Text, nullable=False, server_default=""),
    Column("lat", Double),
    Column("long", Double),
    Column("address", Text),
    Column("attributes", JSONB, nullable=False, server_default="{}"),
    Column("reporter_first_name", Text),
    Column("reporter_last_name", Text),
    Column("reporter_email", Text),
    Column("reporter_phone", Text),
    Column("reporter_language", Text),
    Column("channel", Text, nullable=False),
    Column("priority", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("close_reason", Text),
    Column("assignee_id", UUID(as_uuid=True), ForeignKey(users.c.id)),
    Column("sla_target_hours", Double, nullable=False),
    Column("sla_calendar", Text, nullable=False),
    Column("sla_pauses_on_hold", Boolean, nullable=False),
    Column("holds", JSONB, nullable=False, server_default="[]"),
    Column("on_hold_since", DateTime(timezone=True)),
    Column("requested_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("expected_at", DateTime(timezone=True)),
    Column("closed_at", DateTime(timezone=True)),
    Column("version", Integer, nullable=False, server_default="1"),
    Column("areas", JSONB, nullable=False, server_default="[]"),
    Column("duplicate_of", Text, ForeignKey("service_requests.id")),
    Column("resident_id", UUID(as_uuid=True), ForeignKey(residents.c.id)),
    Column("address_hint", Text),
    Column("zipcode", Text),
    Column("event_sequence", Integer, nullable=False, server_default="0"),
    Column("change_xid", BigInteger, nullable=False, server_default="0"),
    Column("anonymized_at", DateTime(timezone=True)),  # personal data taken out (privacy)
    Index("ix_service_requests_requested", text("requested_at DESC"), text("id DESC")),
    Index("ix_service_requests_updated_at", "updated_at"),
    Index("ix_service_requests_department_status", "department_code", "status"),
    Index(
        "ix_service_requests_assignee_id",
        "assignee_id",
        postgresql_where=text("assignee_id IS NOT NULL"),
    ),
    Index("ix_service_requests_status", "status", postgresql_where=text("status <> 'closed'")),
    Index(
        "ix_service_requests_duplicate_of",
        "duplicate_of",
        postgresql_where=text("duplicate_of IS NOT NULL"),
    ),
    Index(
        "ix_service_requests_resident_id",
        "resident_id",
        postgresql_where=text("resident_id IS NOT NULL"),
    ),
    # Also the service code's own index (migration 0027).
    Index("ix_service_requests_nearby", "service_code", "status", "requested_at"),
    # The duplicate check's: open requests only (migration 0027).
    Index(
        "ix_service_requests_lat_long", "lat", "long", postgresql_where=text("status <> 'closed'")
    ),
    Index("ix_service_requests_change_xid", "change_xid", "id"),
    # What the anonymization job still has to do (migration 0036).
    Index(
        "ix_service_requests_to_anonymize",
        "closed_at",
        postgresql_where=text("closed_at IS NOT NULL AND anonymized_at IS NULL"),
    ),
)


def local_point(lat: ColumnElement[float], long: ColumnElement[float]) -> ColumnElement[Any]:
    """A point in a local plane: longitude scaled by the cosine of the latitude, so that a degree
    weighs alike both ways and `<->` orders by distance (closely, over a few hundred metres)."""
    return func.point(long * func.cos(func.radians(lat)), lat)


# The duplicate check's nearest open requests first (migration 0034).
Index(
    "ix_service_requests_open_points",
    local_point(service_requests.c.lat, service_requests.c.long),
    postgresql_using="gist",
    postgresql_where=text("status <> 'closed'"),
)

request_timeline = Table(
    "request_timeline",
    metadata,
    Column("id", BigInteger, Identity(), primary_key=True),
    Column(
        "request_id", Text, ForeignKey(service_requests.c.id, ondelete="CASCADE"), nullable=False
    ),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("kind", Text, nullable=False),
    Column("actor_id", UUID(as_uuid=True)),
    Column("actor_name", Text, nullable=False),
    Column("visibility", Text, nullable=False),
    Column("data", JSONB, nullable=False),
    Index("ix_request_timeline_request", "request_id", "id"),
)

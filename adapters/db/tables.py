"""The relational schema, as SQLAlchemy Core tables. Migrations are the source of truth."""

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Double,
    ForeignKey,
    Identity,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Sequence,
    Table,
    Text,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

NOW = text("now()")

departments = Table(
    "departments",
    metadata,
    Column("code", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("email", Text),
    Column("phone", Text),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=NOW),
)

services = Table(
    "services",
    metadata,
    Column("code", Text, primary_key=True),
    Column("type_name", Text, nullable=False, server_default=""),
    Column("name", Text, nullable=False),
    Column("description", Text, nullable=False, server_default=""),
    Column("group_name", Text, nullable=False, server_default=""),
    Column("keywords", ARRAY(Text), nullable=False, server_default="{}"),
    Column("department_code", Text, ForeignKey("departments.code"), nullable=False),
    Column("active", Boolean, nullable=False, server_default=text("true")),
    Column("sla_target_hours", Double, nullable=False),
    Column("sla_calendar", Text, nullable=False),
    Column("sla_pauses_on_hold", Boolean, nullable=False),
    Column("attributes", JSONB, nullable=False, server_default="[]"),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=NOW),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=NOW),
)

users = Table(
    "users",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("email", Text, nullable=False, unique=True),
    Column("display_name", Text, nullable=False),
    Column("role", Text, nullable=False),
    Column("department_code", Text, ForeignKey("departments.code")),
    Column("tier", Text),
    Column("password_hash", Text, nullable=False),
    Column("active", Boolean, nullable=False, server_default=text("true")),
    Column("token_version", Integer, nullable=False, server_default="0"),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

request_number = Sequence("request_number_seq", metadata=metadata)

service_requests = Table(
    "service_requests",
    metadata,
    Column("id", Text, primary_key=True),
    Column("external_id", Text),
    Column("service_code", Text, ForeignKey("services.code"), nullable=False),
    Column("department_code", Text, ForeignKey("departments.code"), nullable=False),
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
    Column("assignee_id", UUID(as_uuid=True), ForeignKey("users.id")),
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
    Index("ix_service_requests_requested", text("requested_at DESC"), text("id DESC")),
    Index("ix_service_requests_updated_at", "updated_at"),
    Index("ix_service_requests_department_status", "department_code", "status"),
    Index("ix_service_requests_service_code", "service_code"),
    Index("ix_service_requests_assignee_id", "assignee_id"),
    Index("ix_service_requests_status", "status"),
)

request_timeline = Table(
    "request_timeline",
    metadata,
    Column("id", BigInteger, Identity(), primary_key=True),
    Column(
        "request_id", Text, ForeignKey("service_requests.id", ondelete="CASCADE"), nullable=False
    ),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("kind", Text, nullable=False),
    Column("actor_id", UUID(as_uuid=True)),
    Column("actor_name", Text, nullable=False),
    Column("visibility", Text, nullable=False),
    Column("data", JSONB, nullable=False),
    Index("ix_request_timeline_request", "request_id", "id"),
)

app_state = Table(
    "app_state",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", JSONB, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=NOW),
)

jurisdiction_layers = Table(
    "jurisdiction_layers",
    metadata,
    Column("slug", Text, primary_key=True),
    Column("kind", Text, nullable=False),
    Column("role", Text, nullable=False),
    Column("name", Text, nullable=False, server_default=""),
    Column("version", Integer, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=NOW),
)

jurisdiction_areas = Table(
    "jurisdiction_areas",
    metadata,
    Column("id", BigInteger, Identity(), primary_key=True),
    Column("layer_slug", Text, ForeignKey("jurisdiction_layers.slug"), nullable=False),
    Column("layer_version", Integer, nullable=False),
    Column("code", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("properties", JSONB, nullable=False, server_default="{}"),
    Column("contact", JSONB),
    Column("geometry", LargeBinary, nullable=False),
    Column("size", Double, nullable=False),
    Column("min_x", Double, nullable=False),
    Column("min_y", Double, nullable=False),
    Column("max_x", Double, nullable=False),
    Column("max_y", Double, nullable=False),
    Index("ix_jurisdiction_areas_layer_version", "layer_slug", "layer_version"),
)

routing_rules = Table(
    "routing_rules",
    metadata,
    Column("id", Integer, Identity(), primary_key=True),
    Column("priority", Integer, nullable=False),
    Column("service_code", Text, ForeignKey("services.code")),
    Column("service_group", Text),
    Column("layer_slug", Text, ForeignKey("jurisdiction_layers.slug")),
    Column("area_id", BigInteger, ForeignKey("jurisdiction_areas.id")),
    Column("department_code", Text, ForeignKey("departments.code")),
    Column("referral", JSONB),
    Column("refer_to_area_contact", Boolean, nullable=False, server_default=text("false")),
    Column("description", Text, nullable=False, server_default=""),
)

jurisdiction_state = Table(
    "jurisdiction_state",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("version", BigInteger, nullable=False),
)

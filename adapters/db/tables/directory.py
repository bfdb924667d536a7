"""The directory: departments, the service catalog and staff users."""

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Double,
    ForeignKey,
    Integer,
    Table,
    Text,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

from adapters.db.tables.base import NOW, metadata

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
    Column("department_code", Text, ForeignKey(departments.c.code), nullable=False),
    Column("active", Boolean, nullable=False, server_default=text("true")),
    Column("sla_target_hours", Double, nullable=False),
    Column("sla_calendar", Text, nullable=False),
    Column("sla_pauses_on_hold", Boolean, nullable=False),
    Column("attributes", JSONB, nullable=False, server_default="[]"),
    Column("duplicate_radius_m", Double),
    Column("mask_personal_data", Boolean, nullable=False, server_default=text("true")),
    Column("public_location", Text, nullable=False, server_default="exact"),
    Column("open_data_descriptions", Boolean, nullable=False, server_default=text("false")),
    Column("anonymous_allowed", Boolean, nullable=False, server_default=text("false")),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=NOW),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=NOW),
    CheckConstraint("public_location IN ('exact', 'block', 'area')", name="public_location"),
)

users = Table(
    "users",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("email", Text, nullable=False, unique=True),
    Column("display_name", Text, nullable=False),
    Column("role", Text, nullable=False),
    Column("department_code", Text, ForeignKey(departments.c.code)),
    Column("tier", Text),
    Column("password_hash", Text, nullable=False),
    Column("active", Boolean, nullable=False, server_default=text("true")),
    Column("token_version", Integer, nullable=False, server_default="0"),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

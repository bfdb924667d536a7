"""Jurisdictions: boundary layers and their areas, and the routing rules that use them."""

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
    Table,
    Text,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB

from adapters.db.tables.base import NOW, metadata
from adapters.db.tables.directory import departments, services

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
    Column("layer_slug", Text, ForeignKey(jurisdiction_layers.c.slug), nullable=False),
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
    Column("service_code", Text, ForeignKey(services.c.code)),
    Column("service_group", Text),
    Column("layer_slug", Text, ForeignKey(jurisdiction_layers.c.slug)),
    Column("area_id", BigInteger, ForeignKey(jurisdiction_areas.c.id)),
    Column("department_code", Text, ForeignKey(departments.c.code)),
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

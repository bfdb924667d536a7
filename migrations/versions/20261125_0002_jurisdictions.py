"""jurisdictions

Revision ID: 20261125_0002
Revises: 20261125_0001
Create Date: 2026-11-25 09:24:31.542454
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "20261125_0002"
down_revision: str | None = "20261125_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "jurisdiction_layers",
        sa.Column("slug", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), server_default="", nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("slug", name=op.f("pk_jurisdiction_layers")),
    )
    op.create_table(
        "jurisdiction_state",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_jurisdiction_state")),
    )
    op.create_table(
        "jurisdiction_areas",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("layer_slug", sa.Text(), nullable=False),
        sa.Column("layer_version", sa.Integer(), nullable=False),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column(
            "properties",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default="{}",
            nullable=False,
        ),
        sa.Column("contact", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("geometry", sa.LargeBinary(), nullable=False),
        sa.Column("size", sa.Double(), nullable=False),
        sa.Column("min_x", sa.Double(), nullable=False),
        sa.Column("min_y", sa.Double(), nullable=False),
        sa.Column("max_x", sa.Double(), nullable=False),
        sa.Column("max_y", sa.Double(), nullable=False),
        sa.ForeignKeyConstraint(
            ["layer_slug"],
            ["jurisdiction_layers.slug"],
            name=op.f("fk_jurisdiction_areas_layer_slug_jurisdiction_layers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_jurisdiction_areas")),
    )
    op.create_index(
        "ix_jurisdiction_areas_layer_version",
        "jurisdiction_areas",
        ["layer_slug", "layer_version"],
        unique=False,
    )
    op.create_table(
        "routing_rules",
        sa.Column("id", sa.Integer(), sa.Identity(always=False), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("service_code", sa.Text(), nullable=True),
        sa.Column("service_group", sa.Text(), nullable=True),
        sa.Column("layer_slug", sa.Text(), nullable=True),
        sa.Column("area_id", sa.BigInteger(), nullable=True),
        sa.Column("department_code", sa.Text(), nullable=True),
        sa.Column("referral", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column(
            "refer_to_area_contact", sa.Boolean(), server_default=sa.text("false"), nullable=False
        ),
        sa.Column("description", sa.Text(), server_default="", nullable=False),
        sa.ForeignKeyConstraint(
            ["area_id"],
            ["jurisdiction_areas.id"],
            name=op.f("fk_routing_rules_area_id_jurisdiction_areas"),
        ),
        sa.ForeignKeyConstraint(
            ["department_code"],
            ["departments.code"],
            name=op.f("fk_routing_rules_department_code_departments"),
        ),
        sa.ForeignKeyConstraint(
            ["layer_slug"],
            ["jurisdiction_layers.slug"],
            name=op.f("fk_routing_rules_layer_slug_jurisdiction_layers"),
        ),
        sa.ForeignKeyConstraint(
            ["service_code"], ["services.code"], name=op.f("fk_routing_rules_service_code_services")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_routing_rules")),
    )
    op.add_column(
        "service_requests",
        sa.Column(
            "areas", postgresql.JSONB(astext_type=sa.Text()), server_default="[]", nullable=False
        ),
    )
    op.execute("INSERT INTO jurisdiction_state (id, version) VALUES (1, 0)")


def downgrade() -> None:
    op.drop_column("service_requests", "areas")
    op.drop_table("routing_rules")
    op.drop_index("ix_jurisdiction_areas_layer_version", table_name="jurisdiction_areas")
    op.drop_table("jurisdiction_areas")
    op.drop_table("jurisdiction_state")
    op.drop_table("jurisdiction_layers")

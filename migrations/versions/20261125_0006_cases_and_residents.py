"""cases and residents

Revision ID: 20261125_0006
Revises: 20261125_0005
Create Date: 2026-11-25 10:14:03.986717
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "20261125_0006"
down_revision: str | None = "20261125_0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "rate_limits",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("window_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("hits", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", "window_start", name=op.f("pk_rate_limits")),
    )
    op.create_table(
        "residents",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("first_name", sa.Text(), nullable=True),
        sa.Column("last_name", sa.Text(), nullable=True),
        sa.Column("folded_name", sa.Text(), server_default="", nullable=False),
        sa.Column("phones", postgresql.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("phone_keys", postgresql.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("emails", postgresql.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("folded_address", sa.Text(), server_default="", nullable=False),
        sa.Column("preferred_language", sa.Text(), nullable=True),
        sa.Column("email_updates", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_residents")),
    )
    op.create_index(
        "ix_residents_emails", "residents", ["emails"], unique=False, postgresql_using="gin"
    )
    op.create_index(
        "ix_residents_phone_keys", "residents", ["phone_keys"], unique=False, postgresql_using="gin"
    )
    op.create_table(
        "cases",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("channel", sa.Text(), nullable=False),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("language", sa.Text(), nullable=True),
        sa.Column("summary", sa.Text(), server_default="", nullable=False),
        sa.Column("notes", sa.Text(), server_default="", nullable=False),
        sa.Column("resident_id", sa.UUID(), nullable=True),
        sa.Column("anonymous", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column(
            "article_ids", postgresql.ARRAY(sa.BigInteger()), server_default="{}", nullable=False
        ),
        sa.Column("request_ids", postgresql.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("referral", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("resolved_on_first_contact", sa.Boolean(), nullable=True),
        sa.Column("tags", postgresql.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("call_id", sa.Text(), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("agent_id", sa.UUID(), nullable=True),
        sa.Column("agent_name", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(["agent_id"], ["users.id"], name=op.f("fk_cases_agent_id_users")),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["residents.id"], name=op.f("fk_cases_resident_id_residents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
    )
    op.create_index(
        "ix_cases_created",
        "cases",
        [sa.literal_column("created_at DESC"), sa.literal_column("id DESC")],
        unique=False,
    )
    op.create_index(
        "ix_cases_request_ids", "cases", ["request_ids"], unique=False, postgresql_using="gin"
    )
    op.create_index("ix_cases_resident_id", "cases", ["resident_id"], unique=False)
    op.create_index("ix_cases_tags", "cases", ["tags"], unique=False, postgresql_using="gin")
    op.add_column("service_requests", sa.Column("resident_id", sa.UUID(), nullable=True))
    op.add_column("service_requests", sa.Column("address_hint", sa.Text(), nullable=True))
    op.create_index(
        "ix_service_requests_resident_id", "service_requests", ["resident_id"], unique=False
    )
    op.create_foreign_key(
        op.f("fk_service_requests_resident_id_residents"),
        "service_requests",
        "residents",
        ["resident_id"],
        ["id"],
    )


def downgrade() -> None:
    op.drop_constraint(
        op.f("fk_service_requests_resident_id_residents"), "service_requests", type_="foreignkey"
    )
    op.drop_index("ix_service_requests_resident_id", table_name="service_requests")
    op.drop_column("service_requests", "address_hint")
    op.drop_column("service_requests", "resident_id")
    op.drop_index("ix_cases_tags", table_name="cases", postgresql_using="gin")
    op.drop_index("ix_cases_resident_id", table_name="cases")
    op.drop_index("ix_cases_request_ids", table_name="cases", postgresql_using="gin")
    op.drop_index("ix_cases_created", table_name="cases")
    op.drop_table("cases")
    op.drop_index("ix_residents_phone_keys", table_name="residents", postgresql_using="gin")
    op.drop_index("ix_residents_emails", table_name="residents", postgresql_using="gin")
    op.drop_table("residents")
    op.drop_table("rate_limits")

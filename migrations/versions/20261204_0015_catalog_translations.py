"""catalog translations

Revision ID: 20261204_0015
Revises: 20261204_0014
Create Date: 2026-12-04 12:00:00

Per-language texts of services, departments, layers and referral targets: the API answers in
the language asked for, falling back to the catalog's own.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "20261204_0015"
down_revision: str | None = "20261204_0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "catalog_translations",
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("subject_key", sa.Text(), nullable=False),
        sa.Column("language", sa.Text(), nullable=False),
        sa.Column("text", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "subject IN ('service', 'department', 'layer', 'referral')",
            name=op.f("ck_catalog_translations_subject"),
        ),
        sa.PrimaryKeyConstraint(
            "subject", "subject_key", "language", name=op.f("pk_catalog_translations")
        ),
    )


def downgrade() -> None:
    op.drop_table("catalog_translations")

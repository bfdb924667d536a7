"""addresses

Revision ID: 20261125_0003
Revises: 20261125_0002
Create Date: 2026-11-25 09:37:12.210879
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261125_0003"
down_revision: str | None = "20261125_0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "address_points",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("normalized", sa.Text(), nullable=False),
        sa.Column("house_number", sa.Text(), server_default="", nullable=False),
        sa.Column("street", sa.Text(), nullable=False),
        sa.Column("zip", sa.Text(), nullable=True),
        sa.Column("lat", sa.Double(), nullable=False),
        sa.Column("long", sa.Double(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_address_points")),
        sa.UniqueConstraint("key", name=op.f("uq_address_points_key")),
    )
    op.create_index("ix_address_points_street", "address_points", ["street"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_address_points_street", table_name="address_points")
    op.drop_table("address_points")

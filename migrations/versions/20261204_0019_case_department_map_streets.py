"""case department, map streets

Revision ID: 20261204_0019
Revises: 20261204_0015
Create Date: 2026-12-04 12:00:00

A contact (a complaint or praise) names the department it is about, so that department's
staff see it. The intake map draws reference streets from our own API when no tile service
is configured, and the address points in view at close zoom (hence their lat/long index).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261204_0019"
down_revision: str | None = "20261204_0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("cases", sa.Column("department_code", sa.Text(), nullable=True))
    op.create_foreign_key(
        op.f("fk_cases_department_code_departments"),
        "cases",
        "departments",
        ["department_code"],
        ["code"],
    )
    op.create_index(
        "ix_cases_department_created",
        "cases",
        ["department_code", sa.text("created_at DESC")],
        postgresql_where=sa.text("department_code IS NOT NULL"),
    )
    op.create_index("ix_address_points_lat_long", "address_points", ["lat", "long"])
    op.create_table(
        "map_streets",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), server_default="", nullable=False),
        sa.Column("geometry", sa.LargeBinary(), nullable=False),
        sa.Column("min_x", sa.Double(), nullable=False),
        sa.Column("min_y", sa.Double(), nullable=False),
        sa.Column("max_x", sa.Double(), nullable=False),
        sa.Column("max_y", sa.Double(), nullable=False),
        sa.CheckConstraint("rank BETWEEN 1 AND 3", name=op.f("ck_map_streets_rank")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_map_streets")),
    )
    op.create_index("ix_map_streets_rank_x", "map_streets", ["rank", "min_x", "max_x"])


def downgrade() -> None:
    op.drop_index("ix_map_streets_rank_x", table_name="map_streets")
    op.drop_table("map_streets")
    op.drop_index("ix_address_points_lat_long", table_name="address_points")
    op.drop_index("ix_cases_department_created", table_name="cases")
    op.drop_constraint(op.f("fk_cases_department_code_departments"), "cases", type_="foreignkey")
    op.drop_column("cases", "department_code")

"""duplicates: a merged request's parent, a service's duplicate radius, nearby indexes

Revision ID: 20261125_0004
Revises: 20261125_0003
Create Date: 2026-11-25 10:05:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261125_0004"
down_revision: str | None = "20261125_0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("services", sa.Column("duplicate_radius_m", sa.Double(), nullable=True))
    op.add_column("service_requests", sa.Column("duplicate_of", sa.Text(), nullable=True))
    op.create_foreign_key(
        op.f("fk_service_requests_duplicate_of_service_requests"),
        "service_requests",
        "service_requests",
        ["duplicate_of"],
        ["id"],
    )
    op.create_index("ix_service_requests_duplicate_of", "service_requests", ["duplicate_of"])
    op.create_index(
        "ix_service_requests_nearby", "service_requests", ["service_code", "status", "requested_at"]
    )
    op.create_index("ix_service_requests_lat_long", "service_requests", ["lat", "long"])


def downgrade() -> None:
    op.drop_index("ix_service_requests_lat_long", table_name="service_requests")
    op.drop_index("ix_service_requests_nearby", table_name="service_requests")
    op.drop_index("ix_service_requests_duplicate_of", table_name="service_requests")
    op.drop_constraint(
        op.f("fk_service_requests_duplicate_of_service_requests"),
        "service_requests",
        type_="foreignkey",
    )
    op.drop_column("service_requests", "duplicate_of")
    op.drop_column("services", "duplicate_radius_m")

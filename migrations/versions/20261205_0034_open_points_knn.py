"""open points knn: the duplicate check reads the nearest open requests from a GiST index

Revision ID: 20261205_0034
Revises: 20261205_0037
Create Date: 2026-12-05 12:00:00

The check used to select every open request in the bounding box (the `(lat, long)` btree
bounds the latitude only) and sort them all by distance: at a storm's crowded block that is
thousands of rows per create. A GiST index on a local planar point (longitude scaled by the
cosine of the latitude, so a degree weighs alike both ways) answers `<@ box` and hands rows
out nearest first (`<->`), so the query stops after the few it keeps. Open requests only,
as the check asks (`status <> 'closed'`); the btree stays for the map and Open311 boxes.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "20261205_0034"
down_revision: str | None = "20261205_0037"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX ix_service_requests_open_points ON service_requests"
        " USING gist (point(long * cos(radians(lat)), lat)) WHERE status <> 'closed'"
    )


def downgrade() -> None:
    op.drop_index("ix_service_requests_open_points", table_name="service_requests")

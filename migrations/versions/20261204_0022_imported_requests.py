"""imported requests: where each request imported from a city's history came from

Revision ID: 20261204_0022
Revises: 20261204_0021
Create Date: 2026-12-04 23:00:00

`frontdoor import-requests` loads a city's open-data 311 export. Each imported request keeps
the source's id as its `external_id`, and `imported_requests` keeps (source, source id), so a
second run of the same file adds nothing: the primary key is what the import's
`ON CONFLICT DO NOTHING` stands on. It also keeps the source's own type name, which the
catalog may not have (rows of unknown types go to a catch-all service).

`request_id` has no foreign key: the import writes it in the same statement as the request
itself (requests are never deleted), and the check cost a tenth of the import's time.

Staff find requests by `external_id` (the source's id, or a partner's work-order number), so
that column gets an index.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261204_0022"
down_revision: str | None = "20261204_0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "imported_requests",
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("source_id", sa.Text(), nullable=False),
        sa.Column("request_id", sa.Text(), nullable=False),
        sa.Column("source_type", sa.Text(), server_default="", nullable=False),
        sa.Column(
            "imported_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("source", "source_id", name=op.f("pk_imported_requests")),
    )
    op.create_index("ix_service_requests_external_id", "service_requests", ["external_id"])


def downgrade() -> None:
    op.drop_index("ix_service_requests_external_id", table_name="service_requests")
    op.drop_table("imported_requests")

"""open data descriptions: whether a service's descriptions go into the open-data feed

Revision ID: 20261204_0023
Revises: 20261204_0017
Create Date: 2026-12-04 22:00:00

The public open-data feed (`/api/v1/open-data/requests.*`) leaves every description out unless
the service allows it: what a resident writes about a problem often says who they are, and a
bulk file is copied far beyond our reach. Off for every service, existing ones included.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261204_0023"
down_revision: str | None = "20261204_0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "services",
        sa.Column(
            "open_data_descriptions",
            sa.Boolean(),
            server_default=sa.text("false"),
            nullable=False,
        ),
    )


def downgrade() -> None:
    op.drop_column("services", "open_data_descriptions")

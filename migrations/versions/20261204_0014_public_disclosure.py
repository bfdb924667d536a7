"""public disclosure: masking and public location per service, ZIP code per request

Revision ID: 20261204_0014
Revises: 20261125_0013
Create Date: 2026-12-04 10:00:00

Each service says whether public outputs mask personal data (emails, phones, the reporter's
name) in agents' public text, and how precisely they show where its requests are (`exact`,
`block`, `area`). Requests keep the ZIP code of their address; existing ones take it from the
address table when their address (or the nearest address they were given) is in it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261204_0014"
down_revision: str | None = "20261125_0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "services",
        sa.Column(
            "mask_personal_data", sa.Boolean(), server_default=sa.text("true"), nullable=False
        ),
    )
    op.add_column(
        "services",
        sa.Column("public_location", sa.Text(), server_default="exact", nullable=False),
    )
    op.create_check_constraint(
        op.f("ck_services_public_location"),
        "services",
        "public_location IN ('exact', 'block', 'area')",
    )
    op.add_column("service_requests", sa.Column("zipcode", sa.Text(), nullable=True))
    # One pass with a hash join: the first point of each address that has a ZIP code.
    op.execute(
        """
        UPDATE service_requests r SET zipcode = p.zip
        FROM (
            SELECT DISTINCT ON (upper(address)) upper(address) AS address, zip
            FROM address_points WHERE zip IS NOT NULL ORDER BY upper(address), id
        ) p
        WHERE p.address = upper(coalesce(r.address, regexp_replace(r.address_hint, '^near ', '')))
        """
    )


def downgrade() -> None:
    op.drop_column("service_requests", "zipcode")
    op.drop_constraint(op.f("ck_services_public_location"), "services", type_="check")
    op.drop_column("services", "public_location")
    op.drop_column("services", "mask_personal_data")

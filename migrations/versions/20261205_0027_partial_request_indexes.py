"""partial request indexes: leave out the rows an index is never asked for, and one twin

Revision ID: 20261205_0027
Revises: 20261204_0024
Create Date: 2026-12-05 06:00:00

Five indexes of `service_requests` held every row although their queries only ever ask for
some:
- `assignee_id`, `duplicate_of` and `resident_id` are looked up by value (`= x`), which a
  null never matches, and most requests have none of them (every imported one);
- `status` is asked for the open states (queues, escalation, the open counts); a closed
  request is found by its dates and department instead;
- `(lat, long)` serves the duplicate check, which looks at open requests only (it says so
  with a literal `status <> 'closed'`, so even a generic plan may use the index).

`ix_service_requests_service_code` goes: `ix_service_requests_nearby` starts with the service
code, so it answers the same lookups (and the foreign key's checks).

A city's history is almost all closed and unassigned: after a million-row import these
indexes hold the few thousand open requests instead of every row, and the import writes
six fewer index entries a row.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "20261205_0027"
down_revision: str | None = "20261204_0024"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PARTIAL = {
    "ix_service_requests_assignee_id": (["assignee_id"], "assignee_id IS NOT NULL"),
    "ix_service_requests_duplicate_of": (["duplicate_of"], "duplicate_of IS NOT NULL"),
    "ix_service_requests_resident_id": (["resident_id"], "resident_id IS NOT NULL"),
    "ix_service_requests_status": (["status"], "status <> 'closed'"),
    "ix_service_requests_lat_long": (["lat", "long"], "status <> 'closed'"),
}


TWIN = ("ix_service_requests_service_code", ["service_code"])


def upgrade() -> None:
    op.drop_index(TWIN[0], table_name="service_requests")
    for name, (columns, condition) in PARTIAL.items():
        op.drop_index(name, table_name="service_requests")
        op.create_index(name, "service_requests", columns, postgresql_where=condition)


def downgrade() -> None:
    for name, (columns, _) in PARTIAL.items():
        op.drop_index(name, table_name="service_requests")
        op.create_index(name, "service_requests", columns)
    op.create_index(TWIN[0], "service_requests", TWIN[1])

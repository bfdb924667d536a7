"""The change feed: requests in the order their changes became visible, never skipping one.

Every write stores its transaction id (`change_xid`, see the request repository). Ids are
handed out when transactions start, but transactions commit in any order: a cursor on the
id alone would step past a change still being committed. So a page only serves changes
whose transaction is older than the oldest one still running in the page's own snapshot
(see SETTLED): those are all settled, so nothing can later appear behind the cursor. The cursor is
(transaction id, request id). A long transaction holds the feed back; it never loses a change.
"""

import re

from sqlalchemy import BigInteger, ColumnElement, and_, literal_column, or_, select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.repositories.requests import request_from_row
from adapters.db.tables.requests import service_requests as t
from domain.requests.change_feed import ChangePage
from domain.shared.errors import ValidationFailed

START = "0"
CURSOR = re.compile(r"^(\d{1,19}):([A-Za-z0-9-]{1,64})$")
# The oldest transaction id that may still commit a change to our tables: the snapshot's
# xmax, or its oldest in-progress id. Transaction ids are cluster-wide, so in-progress ids
# that pg_stat_activity shows in *another* database are left out: they write no row of ours,
# and a long job elsewhere on a shared server must not stall the feed. Anything not known
# to be elsewhere (finished since, prepared, hidden) counts as ours: lag, never a skip.
# xip holds 64-bit ids (xid8), backend_xid 32-bit ones: compared modulo 2^32.
SETTLED: ColumnElement[int] = literal_column(
    """(
    SELECT least(
        pg_snapshot_xmax(pg_current_snapshot())::text::bigint,
        min(x::text::bigint))
    FROM pg_snapshot_xip(pg_current_snapshot()) AS x
    WHERE x::text::bigint % 4294967296 NOT IN (
        SELECT backend_xid::text::bigint FROM pg_stat_activity
        WHERE backend_xid IS NOT NULL AND datname IS DISTINCT FROM current_database())
    )""",
    BigInteger,
)


def is_change_cursor(value: str) -> bool:
    return value == START or CURSOR.match(value) is not None


def decode_change_cursor(cursor: str) -> tuple[int, str] | None:
    if cursor == START:
        return None
    match = CURSOR.match(cursor)
    if match is None:
        raise ValidationFailed.single("updated_after", "is not a change cursor this API issued")
    return int(match.group(1)), match.group(2)


class ChangeFeed:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def page(self, cursor: str, limit: int, visible_department: str | None) -> ChangePage:
        after = decode_change_cursor(cursor)
        query = select(t).where(t.c.change_xid < SETTLED)
        if after is not None:
            xid, request_id = after
            query = query.where(
                or_(t.c.change_xid > xid, and_(t.c.change_xid == xid, t.c.id > request_id))
            )
        if visible_department is not None:
            query = query.where(t.c.department_code == visible_department)
        query = query.order_by(t.c.change_xid, t.c.id).limit(limit)
        async with self._engine.connect() as db:
            rows = (await db.execute(query)).all()
        next_cursor = f"{rows[-1].change_xid}:{rows[-1].id}" if rows else cursor
        return ChangePage([request_from_row(row) for row in rows], next_cursor)

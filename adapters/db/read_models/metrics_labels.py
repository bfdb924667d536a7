"""Names for the keys of a series: departments and services from the catalog, codes in
words, hours as 07:00; agents and areas bring their own from the query."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.tables.directory import departments, services
from domain.metrics.labels import hour_label, label_of
from domain.metrics.series import GroupBy

CATALOG: dict[str, Table] = {"department": departments, "service": services}
WORDED = frozenset({None, "channel", "type", "status"})


async def _names(db: AsyncConnection, table: Table, codes: set[str]) -> dict[str, str]:
    if not codes:
        return {}
    query = select(table.c.code, table.c.name).where(table.c.code.in_(codes))
    return {row.code: row.name for row in await db.execute(query)}


async def label_rows(
    db: AsyncConnection, group_by: GroupBy, rows: Sequence[Any]
) -> list[tuple[Any, str]]:
    """Each row with the label of its key."""
    table = CATALOG.get(group_by.kind or "")
    names = await _names(db, table, {r.key for r in rows}) if table is not None else {}
    return [(row, _label(group_by, row, names)) for row in rows]


def _label(group_by: GroupBy, row: Any, names: dict[str, str]) -> str:
    key: str = row.key
    if key in names:
        return names[key]
    if group_by.kind == "hour_of_day":
        return hour_label(int(key))
    if group_by.kind in WORDED or key == "none":
        return label_of(key)
    return str(row.label or key)

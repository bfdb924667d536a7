"""Writing the address table, and the version stamp every API process watches."""

from collections.abc import Iterable, Sequence
from typing import Any
from uuid import uuid4

from sqlalchemy import BigInteger, Double, Text, bindparam, delete, func, literal, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.postgresql import insert as upsert
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql.elements import BindParameter

from adapters.db.tables.addresses import address_points
from adapters.db.tables.app_state import app_state
from domain.addresses.model import AddressPoint
from domain.addresses.normalize import parse_address

VERSION_KEY = "addresses_version"
BATCH = 5_000


def address_rows(points: Iterable[AddressPoint]) -> list[dict[str, Any]]:
    """Rows for `address_points`, one per address and zip (a later duplicate replaces an earlier).

    Parses every address: run it in a worker thread for large imports.
    """
    rows: dict[str, dict[str, Any]] = {}
    for point in points:
        parsed = parse_address(point.address)
        key = f"{parsed.key}|{point.zip or ''}"
        rows[key] = {
            "key": key,
            "address": point.address,
            "normalized": parsed.key,
            "house_number": parsed.number,
            "street": parsed.street_key,
            "zip": point.zip,
            "lat": point.lat,
            "long": point.long,
        }
    return list(rows.values())


async def insert_address_rows(db: AsyncConnection, rows: Sequence[dict[str, Any]]) -> None:
    """Insert, or update the position and spelling of an address already in the table.

    One statement per batch, the columns sent as arrays and unnested: several times faster
    than a row-by-row executemany (the demo data loads before every test).
    """
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        await db.execute(_UPSERT, {name: [row[name] for row in batch] for name in COLUMNS})


COLUMNS = {
    "key": Text,
    "address": Text,
    "normalized": Text,
    "house_number": Text,
    "street": Text,
    "zip": Text,
    "lat": Double,
    "long": Double,
}


def _upsert() -> Any:
    arrays: list[BindParameter[Any]] = [
        bindparam(name, type_=ARRAY(kind)) for name, kind in COLUMNS.items()
    ]
    source = func.unnest(*arrays).table_valued(*COLUMNS).render_derived()
    statement = upsert(address_points).from_select(
        list(COLUMNS), select(*(source.c[name] for name in COLUMNS))
    )
    return statement.on_conflict_do_update(
        index_elements=[address_points.c.key],
        set_={
            "address": statement.excluded.address,
            "lat": statement.excluded.lat,
            "long": statement.excluded.long,
        },
    )


_UPSERT = _upsert()


async def delete_all_points(db: AsyncConnection) -> None:
    await db.execute(delete(address_points))


async def mark_addresses_changed(db: AsyncConnection) -> None:
    """Bump the version; the token keeps it unique even when app_state was emptied."""
    current = func.coalesce(app_state.c.value["version"].astext.cast(BigInteger), 0)
    statement = upsert(app_state).values(
        key=VERSION_KEY, value={"version": 1, "token": uuid4().hex}
    )
    statement = statement.on_conflict_do_update(
        index_elements=[app_state.c.key],
        set_={
            "value": func.jsonb_build_object(
                literal("version"), current + 1, literal("token"), uuid4().hex
            ),
            "updated_at": func.now(),
        },
    )
    await db.execute(statement)

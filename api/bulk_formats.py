"""Bulk answers streamed batch by batch: CSV (RFC 4180) and GeoJSON (RFC 7946).

Each batch of rows is written and sent before the next is read, so memory holds one batch
whatever the size of the whole. Used by the staff exports and the public open-data feed.
"""

import csv
import io
import json
from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from fastapi.responses import StreamingResponse

CSV_TYPE = "text/csv; charset=utf-8"
GEOJSON_TYPE = "application/geo+json"
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float | bool | None
Row = Mapping[str, Cell]


@dataclass(frozen=True)
class Feature:
    """One GeoJSON feature: `point` is (long, lat), or None for a place without one."""

    point: tuple[float, float] | None
    properties: Row


def text_cell(text: str | None) -> str | None:
    """Free text as a spreadsheet will not run it: a leading formula sign gets a quote."""
    if text and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def _csv_lines(columns: Sequence[str], rows: Sequence[Row] | None) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if rows is None:
        writer.writerow(columns)
    else:
        writer.writerows([_csv_value(row.get(c)) for c in columns] for row in rows)
    return buffer.getvalue().encode("utf-8")


def _csv_value(value: Cell) -> Cell:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


async def csv_body(
    columns: Sequence[str], batches: AsyncIterator[Sequence[Row]]
) -> AsyncIterator[bytes]:
    yield _csv_lines(columns, None)
    async for rows in batches:
        if rows:
            yield _csv_lines(columns, rows)


def _feature(feature: Feature) -> dict[str, Any]:
    geometry = None
    if feature.point is not None:
        geometry = {"type": "Point", "coordinates": list(feature.point)}
    return {"type": "Feature", "geometry": geometry, "properties": dict(feature.properties)}


async def geojson_body(
    batches: AsyncIterator[Sequence[Feature]], members: Mapping[str, Any] | None = None
) -> AsyncIterator[bytes]:
    """A FeatureCollection; `members` are written before its features (e.g. a next link)."""
    head = {"type": "FeatureCollection", **(members or {})}
    yield (json.dumps(head, ensure_ascii=False)[:-1] + ', "features": [').encode("utf-8")
    first = True
    async for features in batches:
        if not features:
            continue
        texts = [
            json.dumps(_feature(f), ensure_ascii=False, separators=(",", ":")) for f in features
        ]
        yield (("\n" if first else ",\n") + ",\n".join(texts)).encode("utf-8")
        first = False
    yield b"\n]}\n"


def attachment(
    body: AsyncIterator[bytes],
    media_type: str,
    filename: str,
    headers: Mapping[str, str] | None = None,
) -> StreamingResponse:
    disposition = f'attachment; filename="{filename}"'
    return StreamingResponse(
        body,
        media_type=media_type,
        headers={"Content-Disposition": disposition, **(headers or {})},
    )

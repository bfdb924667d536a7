"""Parameters of the metrics series, read after the caller's right to read them is checked."""

import csv
import io
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Query, Request, Response

from domain.metrics.csv_rows import series_rows
from domain.metrics.model import Series
from domain.metrics.window import Interval, bucket_label
from domain.shared.vocabulary import Channel

INSTANT = "RFC 3339 with an offset (a bare date is local midnight in the city's zone)"
CSV = "text/csv"
CSV_RESPONSE: dict[int | str, dict[str, object]] = {
    200: {
        "content": {CSV: {"schema": {"type": "string"}}},
        "description": "With `Accept: text/csv` (or `format=csv`): `bucket,key,label,value`",
    }
}

FromQuery = Annotated[
    str | None,
    Query(
        alias="from",
        max_length=40,
        description=f"Start, included; {INSTANT}. Default: 30 days before `to`",
    ),
]
ToQuery = Annotated[
    str | None, Query(max_length=40, description=f"End, excluded; {INSTANT}. Default: now")
]
DepartmentQuery = Annotated[
    str | None,
    Query(max_length=64, description="Only this department (a manager's own is forced)"),
]
Codes = Annotated[list[str] | None, Query(max_length=50)]


@dataclass(frozen=True)
class SeriesParams:
    start: str | None
    to: str | None
    interval: Interval
    group_by: str | None
    measure: str | None
    department: str | None
    service_codes: tuple[str, ...]
    channels: tuple[str, ...]
    limit: int
    csv: bool


def _wants_csv(request: Request, format: str | None) -> bool:
    if format is not None:
        return format == "csv"
    return CSV in request.headers.get("accept", "").lower()


def series_params(
    request: Request,
    start: FromQuery = None,
    to: ToQuery = None,
    interval: Interval = Interval.DAY,
    group_by: Annotated[
        str | None, Query(max_length=80, description="What each series is; none: one series")
    ] = None,
    measure: Annotated[str | None, Query(max_length=60, description="Default: the first")] = None,
    department: DepartmentQuery = None,
    service_code: Codes = None,
    channel: Annotated[list[Channel] | None, Query(max_length=20)] = None,
    limit: Annotated[int, Query(ge=1, le=1000, description="At most this many series")] = 100,
    format: Annotated[str | None, Query(pattern="^(json|csv)$")] = None,
) -> SeriesParams:
    return SeriesParams(
        start,
        to,
        interval,
        group_by,
        measure,
        department,
        tuple(service_code or ()),
        tuple(c.value for c in channel or ()),
        limit,
        _wants_csv(request, format),
    )


SeriesParamsDep = Annotated[SeriesParams, Depends(series_params)]


def csv_response(series: Series, filename: str) -> Response:
    q = series.question
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows(series_rows([bucket_label(b, q.zone) for b in q.buckets], series.lines))
    headers = {"Content-Disposition": f'attachment; filename="{filename}.csv"', "Vary": "Accept"}
    return Response(out.getvalue(), media_type=f"{CSV}; charset=utf-8", headers=headers)

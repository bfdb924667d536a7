"""Helpers for the export, open-data and report-card tests: readers that check each format."""

import csv
import io
import json
from typing import Any

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

HOME = {"address": "2125 Eastern Ave"}  # geocoded: 2125 EASTERN AVE, 21231
HOME_POINT = (39.285731, -76.585982)
OPEN_DATA = "/api/v1/open-data/requests"
EXPORTS = "/api/v1/exports/requests"


def read_csv(answer: httpx.Response) -> list[dict[str, str]]:
    """The rows of a valid CSV answer: every row as long as the header, CRLF line ends."""
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "text/csv; charset=utf-8"
    assert answer.headers["content-disposition"].startswith("attachment; filename=")
    body = answer.content.decode("utf-8")
    assert body.endswith("\r\n")
    rows = list(csv.reader(io.StringIO(body, newline="")))
    header, records = rows[0], rows[1:]
    assert all(len(record) == len(header) for record in records)
    return [dict(zip(header, record, strict=True)) for record in records]


def csv_header(answer: httpx.Response) -> list[str]:
    return next(csv.reader(io.StringIO(answer.content.decode("utf-8"), newline="")))


def read_geojson(answer: httpx.Response) -> dict[str, Any]:
    """A valid RFC 7946 FeatureCollection: Point geometries in [long, lat] order, or null."""
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/geo+json"
    assert answer.headers["content-disposition"].startswith("attachment; filename=")
    collection: dict[str, Any] = json.loads(answer.content)
    assert collection["type"] == "FeatureCollection"
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        assert isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        if geometry is not None:
            assert geometry["type"] == "Point"
            long, lat = geometry["coordinates"]
            assert -180 <= long <= 180 and -90 <= lat <= 90
    return collection


def ids_of(rows: list[dict[str, str]], column: str = "id") -> list[str]:
    return [row[column] for row in rows]


async def open_request(
    client: httpx.AsyncClient, who: dict[str, str], **body: Any
) -> dict[str, Any]:
    payload = {"service_code": "sw-dirty-alley", "location": HOME, "channel": "phone", **body}
    answer = await client.post("/api/v1/requests", json=payload, headers=who)
    assert answer.status_code == 201, answer.text
    created: dict[str, Any] = answer.json()
    return created


async def set_service(
    client: httpx.AsyncClient, admin: dict[str, str], code: str, **settings: Any
) -> dict[str, Any]:
    answer = await client.patch(f"/api/v1/services/{code}", json=settings, headers=admin)
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


async def post_with_etag(
    client: httpx.AsyncClient, who: dict[str, str], request_id: str, path: str, body: Any
) -> None:
    etag = (await client.get(f"/api/v1/requests/{request_id}", headers=who)).headers["ETag"]
    answer = await client.post(
        f"/api/v1/requests/{request_id}{path}", json=body, headers={**who, "If-Match": etag}
    )
    assert answer.status_code == 200, answer.text


async def seed_requests(
    engine: AsyncEngine, count: int, service_code: str = "trm-pothole-repair", **columns: str
) -> None:
    """`count` plain requests written straight into the table, for sizes the API would take
    minutes to make. `columns` are SQL expressions over `n` (1..count), e.g. requested_at."""
    values = {
        "id": "'X-' || lpad(n::text, 8, '0')",
        "service_code": f"'{service_code}'",
        "department_code": f"(SELECT department_code FROM services WHERE code = '{service_code}')",
        "description": "'Seeded pothole ' || n",
        "lat": "39.28 + n * 1e-6",
        "long": "-76.61",
        "channel": "'phone'",
        "priority": "'normal'",
        "status": "'new'",
        "sla_target_hours": "24",
        "sla_calendar": "'24x7'",
        "sla_pauses_on_hold": "true",
        "requested_at": "now() - n * interval '1 second'",
        "updated_at": "now() - n * interval '1 second'",
        **columns,
    }
    names = ", ".join(values)
    expressions = ", ".join(values.values())
    statement = (
        f"INSERT INTO service_requests ({names}) "
        f"SELECT {expressions} FROM generate_series(1, :count) AS n"
    )
    async with engine.begin() as db:
        await db.execute(text(statement), {"count": count})

"""The bare stack the product is measured against: FastAPI, pydantic and asyncpg, nothing else.

The same route shapes as the product's hot paths, on the same database: POST /api/v1/requests
validates a body of the same shape and size and makes one INSERT; GET /api/v1/requests/{id}
makes one SELECT by primary key on the product's own service_requests table. No auth, no
domain, no ORM. Started like the product (uvicorn.run with the same workers, flags and pool
size: FRONTDOOR_WORKERS, FRONTDOOR_DB_POOL_SIZE + FRONTDOOR_DB_MAX_OVERFLOW connections).

Run: DATABASE_URL=... PORT=... python -m bench.bare_app
"""

import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

import asyncpg
import uvicorn
from fastapi import FastAPI, HTTPException, Request
from pydantic import BaseModel, Field

INSERT = """
INSERT INTO bench_bare_requests
    (service_code, description, lat, long, attributes, reporter, channel, idempotency_key)
VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8)
RETURNING id, created_at
"""
SELECT = """
SELECT id, service_code, description, lat, long, status, channel, requested_at, updated_at,
       expected_at, version
FROM service_requests WHERE id = $1
"""


class Point(BaseModel):
    lat: float = Field(ge=-90, le=90)
    long: float = Field(ge=-180, le=180)


class Reporter(BaseModel):
    first_name: str = ""
    last_name: str = ""
    email: str = ""


class RequestIn(BaseModel):
    service_code: str = Field(min_length=1, max_length=100)
    description: str = Field(default="", max_length=4000)
    location: Point
    attributes: dict[str, Any] = {}
    reporter: Reporter = Reporter()
    channel: str = "phone"


class Created(BaseModel):
    id: int
    service_code: str
    status: str
    requested_at: datetime


class RequestOut(BaseModel):
    id: str
    service_code: str
    description: str
    lat: float | None
    long: float | None
    status: str
    channel: str
    requested_at: datetime
    updated_at: datetime
    expected_at: datetime | None
    version: int


class Health(BaseModel):
    status: str


def _dsn() -> str:
    return os.environ["DATABASE_URL"].replace("postgresql+asyncpg://", "postgresql://")


def _pool_size() -> int:
    size = int(os.environ.get("FRONTDOOR_DB_POOL_SIZE", "10"))
    return size + int(os.environ.get("FRONTDOOR_DB_MAX_OVERFLOW", "10"))


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    size = _pool_size()
    app.state.pool = await asyncpg.create_pool(_dsn(), min_size=1, max_size=size)
    try:
        yield
    finally:
        await app.state.pool.close()


app = FastAPI(lifespan=lifespan)


@app.get("/healthz", response_model=Health)
async def healthz() -> Health:
    return Health(status="ok")


@app.post("/api/v1/requests", response_model=Created, status_code=201)
async def create(body: RequestIn, request: Request) -> Created:
    row = await request.app.state.pool.fetchrow(
        INSERT,
        body.service_code,
        body.description,
        body.location.lat,
        body.location.long,
        json.dumps(body.attributes),
        body.reporter.model_dump_json(),
        body.channel,
        request.headers.get("idempotency-key"),
    )
    return Created(
        id=row["id"], service_code=body.service_code, status="new", requested_at=row["created_at"]
    )


@app.get("/api/v1/requests/{request_id}", response_model=RequestOut)
async def read(request_id: str, request: Request) -> RequestOut:
    row = await request.app.state.pool.fetchrow(SELECT, request_id)
    if row is None:
        raise HTTPException(404, "not found")
    return RequestOut(**dict(row))


def main() -> None:
    uvicorn.run(
        "bench.bare_app:app",
        host="127.0.0.1",
        port=int(os.environ["PORT"]),
        workers=int(os.environ.get("FRONTDOOR_WORKERS", "1")),
        log_config=None,
        access_log=False,
        proxy_headers=True,
        env_file=None,
    )


if __name__ == "__main__":
    main()

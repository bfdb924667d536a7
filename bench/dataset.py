"""The bench's database: a big city's history made inside PostgreSQL, not through the API.

On a fresh database: the migrations, the demo catalog, users and the real boundary layers
(FRONTDOOR_SHARED_DATA), then with generate_series (bench/leaders_data.py) two years of
requests, cases and calls, the synthetic knowledge articles (bench/knowledge_corpus.py), a
crowd of open potholes around CROWDED_POINT, and the bare app's table. VACUUM ANALYZE last,
as after any bulk load.
"""

import asyncio
import os
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import islice
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import shapely

from adapters.db.engine import make_engine
from adapters.db.migrate import upgrade
from adapters.db.repositories.knowledge import add_articles
from adapters.demo.loader import load_demo_data
from bench.knowledge_corpus import synthetic_articles
from bench.leaders_data import CALLS, CASES, REQUESTS
from bench.resolve import load_blocks
from bench.scale import Scale

CROWDED_POINT = (39.3075, -76.6155)  # Mount Vernon, inside Baltimore City
CROWD_RADIUS_M = 200
ARTICLE_SEED = 311

CROWD = """
WITH catalog AS (SELECT department_code FROM services WHERE code = 'trm-pothole-repair'),
spots AS (
    SELECT i, sqrt(random()) * $2::float8 AS r, random() * 2 * pi() AS angle,
           now() - interval '1 minute' * (i % 7000) AS at
    FROM generate_series(1, $1::int) AS i
)
INSERT INTO service_requests (
    id, service_code, department_code, description, lat, long, channel, priority, status,
    sla_target_hours, sla_calendar, sla_pauses_on_hold, requested_at, updated_at, expected_at
)
SELECT 'X' || i, 'trm-pothole-repair', catalog.department_code, 'Crowded pothole',
       $3::float8 + r * cos(angle) / 111320.0,
       $4::float8 + r * sin(angle) / (111320.0 * cos(radians($3::float8))),
       'phone', 'normal', (ARRAY['new', 'acknowledged', 'in_progress'])[1 + i % 3],
       72, '24x7', false, at, at, at + interval '72 hours'
FROM spots, catalog
"""

BARE_TABLE = """
CREATE TABLE bench_bare_requests (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    service_code text NOT NULL,
    description text NOT NULL,
    lat double precision,
    long double precision,
    attributes jsonb NOT NULL,
    reporter jsonb NOT NULL,
    channel text NOT NULL,
    idempotency_key text,
    created_at timestamptz NOT NULL DEFAULT now()
)
"""


def plain(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://")


async def execute(url: str, statement: str, *args: float) -> None:
    connection = await asyncpg.connect(plain(url))
    try:
        await connection.execute(statement, *args)
    finally:
        await connection.close()


@contextmanager
def database(server: str, label: str = "bench") -> Iterator[str]:
    name = f"frontdoor_{label}_{os.getpid()}"
    asyncio.run(execute(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    asyncio.run(execute(server, f'CREATE DATABASE "{name}"'))
    try:
        yield urlunsplit(urlsplit(plain(server))._replace(path=f"/{name}"))
    finally:
        asyncio.run(execute(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


async def _demo_and_articles(url: str, articles: int) -> None:
    engine = make_engine(url, pool_size=1, max_overflow=0)
    try:
        await load_demo_data(engine)  # catalog, users, the boundary layers
        corpus = synthetic_articles(articles, ARTICLE_SEED)
        while batch := list(islice(corpus, 500)):
            async with engine.begin() as db:
                await add_articles(db, batch)
    finally:
        await engine.dispose()


def seed(url: str, scale: Scale) -> dict[str, float]:
    """Fill a fresh database; the seconds each part took."""
    lat, long = CROWDED_POINT
    steps: dict[str, Callable[[], object]] = {
        "migrate": lambda: upgrade(url),
        "demo_and_articles": lambda: asyncio.run(_demo_and_articles(url, scale.articles)),
        "requests": lambda: asyncio.run(execute(url, _n(REQUESTS), scale.requests)),
        "cases": lambda: asyncio.run(execute(url, _n(CASES), scale.cases)),
        "calls": lambda: asyncio.run(execute(url, _n(CALLS), scale.calls)),
        "crowd": lambda: asyncio.run(execute(url, CROWD, scale.crowd, CROWD_RADIUS_M, lat, long)),
        "bare_table": lambda: asyncio.run(execute(url, BARE_TABLE)),
        "vacuum_analyze": lambda: asyncio.run(execute(url, "VACUUM ANALYZE")),
    }
    timings: dict[str, float] = {}
    for name, work in steps.items():
        started = time.perf_counter()
        work()
        timings[f"seed_{name}_s"] = round(time.perf_counter() - started, 1)
    return timings


def _n(statement: str) -> str:
    return statement.replace(":n", "$1")


def scattered_points(count: int, seed: int = 17) -> list[tuple[float, float]]:
    """Points inside the city (a census block's inner point, moved a few metres), so every
    create is served here: the duplicate check, routing and SLA all run."""
    _, geometries = load_blocks()
    rng = random.Random(seed)  # noqa: S311 - reproducible benchmark points, not secrets
    blocks = rng.sample(geometries, min(count, len(geometries)))
    inner = shapely.point_on_surface(blocks)
    return [(round(p.y, 6), round(p.x, 6)) for p in inner]

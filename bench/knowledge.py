"""Knowledge-base search latency on 10,000 articles, through the search read model.

`measure(database_url)` creates a fresh database on that server, migrates it, loads the demo
catalog and knowledge base plus 10,000 synthetic articles (bench/knowledge_corpus.py), then
times searches one after another: half as an anonymous resident, half as an agent. The
database is dropped afterwards. Run alone: `python -m bench.knowledge [DATABASE_URL]`.
"""

import asyncio
import os
import statistics
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from itertools import islice
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from adapters.db.engine import make_engine
from adapters.db.migrate import upgrade
from adapters.db.read_models.knowledge import KnowledgeReadModel
from adapters.db.repositories.knowledge import add_articles
from adapters.demo.loader import load_demo_data
from bench.knowledge_corpus import bench_queries, synthetic_articles
from domain.knowledge.permissions import ReadScope
from domain.knowledge.queries import ArticleFilter

ARTICLES = 10_000
SEARCHES = 500
WARM_UP = 50
BATCH = 500
SEED = 311
TODAY = date(2026, 11, 25)
LOCAL = "postgresql://postgres@127.0.0.1:5432/postgres"
NO_LOGIN = "bench: nobody signs in"  # the demo users' password hash: no password matches it


def _plain(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://")


async def _admin(server: str, statement: str) -> None:
    connection = await asyncpg.connect(_plain(server))
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


@asynccontextmanager
async def fresh_database(server: str) -> AsyncIterator[str]:
    name = f"frontdoor_kb_bench_{os.getpid()}"
    await _admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await _admin(server, f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(urlsplit(_plain(server))._replace(path=f"/{name}"))
    finally:
        await _admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def _load(url: str, count: int) -> None:
    engine = make_engine(url, pool_size=1, max_overflow=0)
    try:
        await load_demo_data(engine, NO_LOGIN, layers=False)
        corpus = synthetic_articles(count, SEED)
        while batch := list(islice(corpus, BATCH)):
            async with engine.begin() as db:
                await add_articles(db, batch)
        async with engine.begin() as db:
            await db.exec_driver_sql("ANALYZE")
    finally:
        await engine.dispose()


async def _time_searches(url: str, count: int) -> list[float]:
    engine = make_engine(url, pool_size=2, max_overflow=0)
    reads = KnowledgeReadModel(engine)
    scopes = (ReadScope(), ReadScope(internal=True))
    times = []
    try:
        for number, query in enumerate(bench_queries(WARM_UP + count, SEED)):
            f = ArticleFilter(scopes[number % 2], TODAY, q=query.text, language=query.language)
            started = time.perf_counter()
            await reads.search(f)
            if number >= WARM_UP:
                times.append((time.perf_counter() - started) * 1000)
    finally:
        await engine.dispose()
    return times


async def measure(
    database_url: str, articles: int = ARTICLES, searches: int = SEARCHES
) -> dict[str, float]:
    """p50 and p95 of one search (analysis and search queries, snippets), in milliseconds."""
    async with fresh_database(database_url) as url:
        await asyncio.to_thread(upgrade, url)
        await _load(url, articles)
        times = await _time_searches(url, searches)
    return {
        "kb_search_p50_ms": round(statistics.median(times), 2),
        "kb_search_p95_ms": round(statistics.quantiles(times, n=100)[94], 2),
    }


if __name__ == "__main__":
    print(asyncio.run(measure(sys.argv[1] if len(sys.argv) > 1 else LOCAL)))

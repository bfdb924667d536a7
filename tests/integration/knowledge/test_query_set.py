"""The acceptance query set (search_queries.json, written before the search was tuned), and
the ranking set (ranking_queries.json).

Every query runs as an agent searches (published articles, public and internal): each article
listed in `expect` must be among the first three results, and an empty `expect` means no
result at all; a ranking query's `first` article must come first. One test runs each whole
set so that the report shows every miss at once.
"""

import html
import json
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.read_models.knowledge import KnowledgeReadModel
from adapters.db.tables.knowledge import articles
from adapters.demo.knowledge import demo_articles
from domain.knowledge.permissions import ReadScope
from domain.knowledge.queries import ArticleFilter

QUERIES = Path(__file__).with_name("search_queries.json")
RANKING = Path(__file__).with_name("ranking_queries.json")
TODAY = date(2026, 11, 25)


def query_set(path: Path = QUERIES) -> list[dict[str, Any]]:
    loaded: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["queries"]
    return loaded


async def first_results(engine: AsyncEngine, queries: list[dict[str, Any]]) -> list[list[str]]:
    """The slugs each query finds, as an agent searches (published, public and internal)."""
    reads = KnowledgeReadModel(engine)
    async with engine.connect() as db:
        rows = (await db.execute(select(articles.c.id, articles.c.slug))).all()
    slugs = {row.id: row.slug for row in rows}
    found = []
    for query in queries:
        f = ArticleFilter(ReadScope(internal=True), TODAY, q=query["q"], language=query["language"])
        found.append([slugs[item.id] for item in (await reads.search(f)).items])
    return found


def test_the_set_is_large_enough_and_names_demo_articles() -> None:
    queries = query_set()
    languages = [q["language"] for q in queries]
    assert len(queries) >= 30
    assert languages.count("en") >= 15 and languages.count("es") >= 15
    assert sum(1 for q in queries if not q["expect"]) >= 5
    assert sum(1 for q in queries if q.get("source")) >= 15
    known = {a["slug"] for a in demo_articles()}
    assert {slug for q in queries for slug in q["expect"]} <= known
    assert all(1 <= len(q["expect"]) <= 3 for q in queries if q["expect"])


async def test_snippets_begin_and_end_with_whole_words(seeded: AsyncEngine) -> None:
    reads = KnowledgeReadModel(seeded)
    async with seeded.connect() as db:
        rows = await db.execute(select(articles.c.id, articles.c.summary, articles.c.body_text))
        texts = {r.id: " ".join(f"{r.summary}\n\n{r.body_text}".split()) for r in rows.all()}
    cut = []
    for query in query_set():
        f = ArticleFilter(ReadScope(internal=True), TODAY, q=query["q"], language=query["language"])
        for item in (await reads.search(f)).items:
            words = html.unescape(item.snippet.replace("<mark>", "").replace("</mark>", ""))
            text = f" {texts[item.id]} "
            if f" {words} " not in text:
                cut.append(f"{query['q']!r}: {words[:40]!r}…{words[-20:]!r}")
    assert cut == [], "\n".join(cut)


async def test_every_query_finds_its_articles_in_the_top_three(seeded: AsyncEngine) -> None:
    misses = []
    for query, found in zip(query_set(), await first_results(seeded, query_set()), strict=True):
        expected = query["expect"]
        passed = all(slug in found[:3] for slug in expected) if expected else found == []
        if not passed:
            misses.append(
                f"{query['q']!r} ({query['language']}): expected {expected}, got {found[:5]}"
            )
    assert misses == [], f"{len(misses)} of {len(query_set())} queries missed"


def test_the_ranking_set_holds_eleven_queries_or_more_in_both_languages() -> None:
    queries = query_set(RANKING)
    languages = [q["language"] for q in queries]
    assert len(queries) >= 11 and {"en", "es"} <= set(languages)
    assert {q["first"] for q in queries} <= {a["slug"] for a in demo_articles()}


async def test_each_ranking_query_puts_its_article_first(seeded: AsyncEngine) -> None:
    queries = query_set(RANKING)
    wrong = [
        f"{query['q']!r}: expected {query['first']}, got {found[:3]}"
        for query, found in zip(queries, await first_results(seeded, queries), strict=True)
        if found[:1] != [query["first"]]
    ]
    assert wrong == [], "\n".join(wrong)

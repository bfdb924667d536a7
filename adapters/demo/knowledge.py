"""Demo knowledge base: ~40 articles in English, each with a Spanish translation, and the
triage terms (English and Spanish). All of it is our own sample content (see ATTRIBUTION.md)."""

import json
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy.dialects.postgresql import insert as upsert
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.repositories.knowledge import add_articles, term_values
from adapters.db.tables.knowledge import triage_terms
from domain.knowledge.model import Article, ArticleContent, ArticleStatus, Audience, Labels
from domain.knowledge.triage import TermKind, new_term
from domain.shared.vocabulary import Actor

ARTICLES = Path(__file__).with_name("articles.json")
TRIAGE_TERMS = Path(__file__).with_name("triage_terms.json")
DEMO_EDITOR = Actor(None, "Frontdoor demo data")


@cache
def demo_articles() -> list[dict[str, Any]]:
    loaded: list[dict[str, Any]] = json.loads(ARTICLES.read_text(encoding="utf-8"))["articles"]
    return loaded


@cache
def demo_triage_terms() -> list[dict[str, str]]:
    loaded: list[dict[str, str]] = json.loads(TRIAGE_TERMS.read_text(encoding="utf-8"))["terms"]
    return loaded


def demo_article(entry: dict[str, Any], at: datetime, translation_of: int | None) -> Article:
    return Article.write(
        ArticleContent(entry["title"], entry["summary"], entry["body"]),
        Labels(
            language=entry["language"],
            audience=Audience(entry["audience"]),
            department_code=entry["department"],
            services=tuple(entry["services"]),
            tags=tuple(entry["tags"]),
            review_by=date.fromisoformat(entry["review_by"]) if entry["review_by"] else None,
            slug=entry["slug"],
        ),
        ArticleStatus(entry["status"]),
        DEMO_EDITOR,
        at,
        translation_of,
    )


async def load_demo_knowledge(db: AsyncConnection) -> None:
    """Originals first, then their translations, which point at the originals' ids."""
    now = datetime.now(UTC)
    entries = demo_articles()
    originals = [demo_article(e, now, None) for e in entries if e["translation_of"] is None]
    await add_articles(db, originals)
    ids = {article.labels.slug: article.id for article in originals}
    translations = [
        demo_article(e, now, ids[e["translation_of"]]) for e in entries if e["translation_of"]
    ]
    await add_articles(db, translations)
    terms = [
        term_values(new_term(t["term"], TermKind(t["kind"]), t["language"]))
        for t in demo_triage_terms()
    ]
    await db.execute(upsert(triage_terms).on_conflict_do_nothing(), terms)

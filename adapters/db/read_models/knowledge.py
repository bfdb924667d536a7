"""Read models behind the knowledge base: lists and search, one article, versions, triage terms."""

from dataclasses import replace

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.read_models.knowledge_rows import (
    SUMMARY_COLUMNS,
    conditions,
    page_of,
    summary_from_row,
    visible_to,
)
from adapters.db.read_models.knowledge_search import search
from adapters.db.repositories.knowledge import ARTICLE_COLUMNS, article_from_row, term_from_row
from adapters.db.tables.knowledge import article_versions, articles, triage_terms
from domain.knowledge.model import Article, ArticleContent, ArticleStatus, ArticleVersion
from domain.knowledge.permissions import ReadScope
from domain.knowledge.queries import ArticleFilter, ArticlePage, ArticleSummary, TranslationRef
from domain.knowledge.triage import TriageTerm
from domain.shared.vocabulary import Actor

a = articles


class KnowledgeReadModel:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def page(self, f: ArticleFilter) -> ArticlePage:
        """Search when there is a text to search for; else the newest changes first."""
        if f.q is not None and f.q.strip():
            return await search(self._engine, f)
        query = (
            select(*SUMMARY_COLUMNS)
            .where(*conditions(f))
            .order_by(a.c.updated_at.desc(), a.c.id.desc())
            .limit(f.limit + 1)
            .offset(f.offset)
        )
        async with self._engine.connect() as db:
            rows = (await db.execute(query)).all()
        return page_of([summary_from_row(r, f.today) for r in rows], f.limit, f.offset)

    async def search(self, f: ArticleFilter) -> ArticlePage:
        return await search(self._engine, f)

    async def related(self, f: ArticleFilter) -> list[ArticleSummary]:
        """Articles about f.service_code, the most used first, in f.language if given."""
        query = (
            select(*SUMMARY_COLUMNS)
            .where(*conditions(replace(f, q=None)))
            .order_by(a.c.use_count.desc(), a.c.view_count.desc(), a.c.title, a.c.id)
            .limit(f.limit)
        )
        async with self._engine.connect() as db:
            rows = (await db.execute(query)).all()
        return [summary_from_row(r, f.today) for r in rows]

    async def article(self, article_id: int) -> Article | None:
        async with self._engine.connect() as db:
            row = (await db.execute(select(*ARTICLE_COLUMNS).where(a.c.id == article_id))).first()
        return None if row is None else article_from_row(row)

    async def translations(self, article: Article, scope: ReadScope) -> list[TranslationRef]:
        """The original and its other translations that the reader may see."""
        root = article.translation_of or article.id
        query = (
            select(a.c.id, a.c.language, a.c.title)
            .where(or_(a.c.id == root, a.c.translation_of == root), a.c.id != article.id)
            .where(*visible_to(scope))
            .order_by(a.c.language, a.c.id)
        )
        async with self._engine.connect() as db:
            rows = (await db.execute(query)).all()
        return [TranslationRef(r.id, r.language, r.title) for r in rows]

    async def versions(self, article_id: int) -> list[ArticleVersion]:
        v = article_versions
        query = select(v).where(v.c.article_id == article_id).order_by(v.c.version)
        async with self._engine.connect() as db:
            rows = (await db.execute(query)).all()
        return [
            ArticleVersion(
                r.version,
                ArticleContent(r.title, r.summary, r.body),
                ArticleStatus(r.status),
                r.change,
                Actor(r.edited_by, r.edited_by_name),
                r.edited_at,
            )
            for r in rows
        ]

    async def triage_terms(self) -> list[TriageTerm]:
        t = triage_terms
        async with self._engine.connect() as db:
            rows = (await db.execute(select(t).order_by(t.c.kind, t.c.language, t.c.term))).all()
        return [term_from_row(r) for r in rows]

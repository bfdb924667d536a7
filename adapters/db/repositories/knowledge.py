"""Repositories for knowledge articles and triage terms (explicit row <-> entity mapping)."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Row, Text, bindparam, delete, insert, literal, select, update
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.repositories.vocabulary import add_vocabulary, service_terms, vocabulary_of
from adapters.db.tables.knowledge import (
    article_feedback,
    article_versions,
    articles,
    triage_terms,
)
from domain.knowledge.model import (
    Article,
    ArticleContent,
    ArticleStatus,
    ArticleVersion,
    Audience,
    Labels,
)
from domain.knowledge.triage import TermKind, TriageTerm
from domain.shared.errors import PreconditionFailed

a = articles
ARTICLE_COLUMNS = [c for c in a.c if c.name != "search"]


class SqlArticleRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def get(self, article_id: int, *, for_update: bool = False) -> Article | None:
        query = select(*ARTICLE_COLUMNS).where(a.c.id == article_id)
        if for_update:
            query = query.with_for_update()
        row = (await self._db.execute(query)).first()
        return None if row is None else article_from_row(row)

    async def add(self, article: Article) -> None:
        await add_articles(self._db, [article])

    async def save(self, article: Article, expected_version: int) -> None:
        saved = await self._db.execute(
            update(a)
            .where(a.c.id == article.id, a.c.version == expected_version)
            .values(**article_values(article), service_terms=service_terms(_codes(article)))
        )
        if saved.rowcount != 1:
            raise PreconditionFailed("the article was changed by someone else; read it again")
        await _add_versions(self._db, [article])
        await add_vocabulary(self._db, vocabulary_of([article]))

    async def slug_owner(self, slug: str) -> int | None:
        owner: int | None = await self._db.scalar(select(a.c.id).where(a.c.slug == slug))
        return owner

    async def translation_in(self, original_id: int, language: str) -> int | None:
        query = select(a.c.id).where(a.c.translation_of == original_id, a.c.language == language)
        found: int | None = await self._db.scalar(query)
        return found

    async def count_view(self, article_id: int) -> None:
        await self._db.execute(
            update(a).where(a.c.id == article_id).values(view_count=a.c.view_count + 1)
        )

    async def count_use(self, article_id: int) -> None:
        await self._db.execute(
            update(a).where(a.c.id == article_id).values(use_count=a.c.use_count + 1)
        )

    async def add_feedback(self, article_id: int, helpful: bool, at: datetime) -> None:
        await self._db.execute(
            insert(article_feedback).values(article_id=article_id, helpful=helpful, at=at)
        )


async def add_articles(db: AsyncConnection, batch: Sequence[Article]) -> None:
    """Insert new articles in one statement per table, setting their ids (also for bulk loads)."""
    if not batch:
        return
    rows = [{**article_values(art), "codes": list(art.labels.services)} for art in batch]
    codes = bindparam("codes", type_=ARRAY(Text))
    statement = insert(a).values(service_terms=service_terms(codes))
    ids = (await db.execute(statement.returning(a.c.id, sort_by_parameter_order=True), rows)).all()
    for article, row in zip(batch, ids, strict=True):
        article.id = row.id
    await _add_versions(db, batch)
    await add_vocabulary(db, vocabulary_of(batch))


async def _add_versions(db: AsyncConnection, batch: Sequence[Article]) -> None:
    rows = [
        _version_values(article.id, version)
        for article in batch
        for version in article.pending_versions
    ]
    if rows:
        await db.execute(insert(article_versions), rows)
    for article in batch:
        article.pending_versions = []


def _codes(article: Article) -> Any:
    return literal(list(article.labels.services), ARRAY(Text))


def article_values(article: Article) -> dict[str, Any]:
    content, labels = article.content, article.labels
    return {
        "slug": labels.slug,
        "title": content.title,
        "summary": content.summary,
        "body": content.body,
        "body_text": article.plain_body,
        "language": labels.language,
        "translation_of": article.translation_of,
        "audience": labels.audience.value,
        "status": article.status.value,
        "department_code": labels.department_code,
        "services": list(labels.services),
        "tags": list(labels.tags),
        "review_by": labels.review_by,
        "view_count": article.view_count,
        "use_count": article.use_count,
        "version": article.version,
        "created_at": article.created_at,
        "updated_at": article.updated_at,
        "published_at": article.published_at,
    }


def _version_values(article_id: int, version: ArticleVersion) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "version": version.version,
        "title": version.content.title,
        "summary": version.content.summary,
        "body": version.content.body,
        "status": version.status.value,
        "change": version.change,
        "edited_by": version.edited_by.user_id,
        "edited_by_name": version.edited_by.name,
        "edited_at": version.edited_at,
    }


def article_from_row(row: Row[Any]) -> Article:
    return Article(
        id=row.id,
        content=ArticleContent(row.title, row.summary, row.body),
        labels=Labels(
            language=row.language,
            audience=Audience(row.audience),
            department_code=row.department_code,
            services=tuple(row.services),
            tags=tuple(row.tags),
            review_by=row.review_by,
            slug=row.slug,
        ),
        status=ArticleStatus(row.status),
        created_at=row.created_at,
        updated_at=row.updated_at,
        translation_of=row.translation_of,
        published_at=row.published_at,
        view_count=row.view_count,
        use_count=row.use_count,
        version=row.version,
    )


class SqlTriageTermRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def add(self, term: TriageTerm) -> TriageTerm:
        term_id = await self._db.scalar(
            insert(triage_terms).values(**term_values(term)).returning(triage_terms.c.id)
        )
        return TriageTerm(int(term_id or 0), term.term, term.kind, term.language)

    async def find(self, folded: str, kind: TermKind) -> TriageTerm | None:
        t = triage_terms
        row = (
            await self._db.execute(select(t).where(t.c.folded == folded, t.c.kind == kind))
        ).first()
        return None if row is None else term_from_row(row)

    async def get(self, term_id: int) -> TriageTerm | None:
        row = (
            await self._db.execute(select(triage_terms).where(triage_terms.c.id == term_id))
        ).first()
        return None if row is None else term_from_row(row)

    async def delete(self, term_id: int) -> None:
        await self._db.execute(delete(triage_terms).where(triage_terms.c.id == term_id))


def term_values(term: TriageTerm) -> dict[str, Any]:
    return {
        "term": term.term,
        "folded": term.folded,
        "kind": term.kind.value,
        "language": term.language,
    }


def term_from_row(row: Row[Any]) -> TriageTerm:
    return TriageTerm(row.id, row.term, TermKind(row.kind), row.language)

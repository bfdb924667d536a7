"""What article lists and searches share: the filter as SQL, rows as summaries, who sees what."""

import html
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Row, func, or_

from adapters.db.tables.knowledge import articles
from domain.knowledge.model import ArticleStatus, Audience, is_stale
from domain.knowledge.permissions import ReadScope
from domain.knowledge.queries import ArticleFilter, ArticlePage, ArticleSummary
from domain.knowledge.text import primary_language

a = articles

SUMMARY_COLUMNS = [
    a.c.id,
    a.c.slug,
    a.c.title,
    a.c.summary,
    a.c.language,
    a.c.translation_of,
    a.c.audience,
    a.c.status,
    a.c.department_code,
    a.c.services,
    a.c.tags,
    a.c.review_by,
    a.c.view_count,
    a.c.use_count,
    a.c.version,
    a.c.updated_at,
]


def summary_from_row(
    row: Row[Any], today: date, snippet: str | None = None, score: float | None = None
) -> ArticleSummary:
    return ArticleSummary(
        id=row.id,
        slug=row.slug,
        title=row.title,
        summary=row.summary,
        snippet=snippet if snippet is not None else html.escape(row.summary),
        language=row.language,
        translation_of=row.translation_of,
        audience=Audience(row.audience),
        status=ArticleStatus(row.status),
        department_code=row.department_code,
        services=tuple(row.services),
        tags=tuple(row.tags),
        review_by=row.review_by,
        stale=is_stale(row.review_by, today),
        view_count=row.view_count,
        use_count=row.use_count,
        version=row.version,
        updated_at=row.updated_at,
        score=score,
    )


def visible_to(scope: ReadScope) -> list[ColumnElement[bool]]:
    """SQL for ReadScope.allows: the same rule, applied to every row of a list."""
    conditions = []
    if not scope.internal:
        conditions.append(a.c.audience == Audience.PUBLIC.value)
    if not scope.unpublished_everywhere:
        published = a.c.status == ArticleStatus.PUBLISHED.value
        own = scope.unpublished_department
        conditions.append(or_(published, a.c.department_code == own) if own else published)
    return conditions


def in_language(language: str) -> ColumnElement[bool]:
    """Articles in the language, any region: es matches es, es-MX and es-US."""
    return func.split_part(func.lower(a.c.language), "-", 1) == primary_language(language)


def conditions(f: ArticleFilter) -> list[ColumnElement[bool]]:
    found = visible_to(f.scope)
    if f.language:
        found.append(in_language(f.language))
    if f.service_code:
        found.append(a.c.services.contains([f.service_code]))
    if f.status is not None:
        found.append(a.c.status == f.status.value)
    if f.audience is not None:
        found.append(a.c.audience == f.audience.value)
    if f.department:
        found.append(a.c.department_code == f.department)
    if f.stale is True:
        found.append(a.c.review_by < f.today)
    elif f.stale is False:
        found.append(or_(a.c.review_by.is_(None), a.c.review_by >= f.today))
    return found


def page_of(rows: list[ArticleSummary], limit: int, offset: int) -> ArticlePage:
    """Rows were fetched with limit + 1: one more means there is a next page."""
    more = len(rows) > limit
    return ArticlePage(rows[:limit], offset + limit if more else None)

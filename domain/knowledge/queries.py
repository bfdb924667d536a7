"""The article read model as the API sees it: what it is asked and what it answers."""

from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from domain.knowledge.model import Article, ArticleStatus, ArticleVersion, Audience
from domain.knowledge.permissions import ReadScope
from domain.knowledge.triage import TriageTerm


@dataclass(frozen=True)
class ArticleFilter:
    scope: ReadScope
    today: date
    q: str | None = None
    language: str | None = None
    service_code: str | None = None
    status: ArticleStatus | None = None
    audience: Audience | None = None
    department: str | None = None
    stale: bool | None = None
    limit: int = 10
    offset: int = 0
    description: bool = False  # q is a caller's description: match any of its words


@dataclass(frozen=True)
class ArticleSummary:
    id: int
    slug: str | None
    title: str
    summary: str
    snippet: str  # HTML-safe text; search hits are wrapped in <mark></mark>
    language: str
    translation_of: int | None
    audience: Audience
    status: ArticleStatus
    department_code: str | None
    services: tuple[str, ...]
    tags: tuple[str, ...]
    review_by: date | None
    stale: bool
    view_count: int
    use_count: int
    version: int
    updated_at: datetime
    score: float | None = None


@dataclass(frozen=True)
class ArticlePage:
    items: list[ArticleSummary]
    next_offset: int | None


@dataclass(frozen=True)
class TranslationRef:
    id: int
    language: str
    title: str


class KnowledgeReads(Protocol):
    async def page(self, f: ArticleFilter) -> ArticlePage: ...
    async def search(self, f: ArticleFilter) -> ArticlePage: ...
    async def related(self, f: ArticleFilter) -> list[ArticleSummary]: ...
    async def article(self, article_id: int) -> Article | None: ...
    async def translations(self, article: Article, scope: ReadScope) -> list[TranslationRef]: ...
    async def versions(self, article_id: int) -> list[ArticleVersion]: ...
    async def triage_terms(self) -> list[TriageTerm]: ...

from datetime import datetime
from typing import Protocol

from domain.directory.ports import CatalogUnitOfWork
from domain.knowledge.model import Article
from domain.knowledge.triage import TermKind, TriageTerm


class ArticleRepository(Protocol):
    async def get(self, article_id: int, *, for_update: bool = False) -> Article | None: ...

    async def add(self, article: Article) -> None:
        """Insert the article (setting its id) and its pending versions."""
        ...

    async def save(self, article: Article, expected_version: int) -> None:
        """Write the changes and pending versions; raise PreconditionFailed on a stale version."""
        ...

    async def slug_owner(self, slug: str) -> int | None:
        """The id of the article with this slug, if any."""
        ...

    async def translation_in(self, original_id: int, language: str) -> int | None:
        """The id of the original's translation into this language, if any."""
        ...

    async def count_view(self, article_id: int) -> None: ...

    async def count_use(self, article_id: int) -> None: ...

    async def add_feedback(self, article_id: int, helpful: bool, at: datetime) -> None: ...


class TriageTermRepository(Protocol):
    async def add(self, term: TriageTerm) -> TriageTerm:
        """Insert the term; the answer carries its id."""
        ...

    async def find(self, folded: str, kind: TermKind) -> TriageTerm | None: ...

    async def get(self, term_id: int) -> TriageTerm | None: ...

    async def delete(self, term_id: int) -> None: ...


class KnowledgeUnitOfWork(CatalogUnitOfWork, Protocol):
    articles: ArticleRepository
    triage_terms: TriageTermRepository

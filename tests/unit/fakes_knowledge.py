"""In-memory fakes of the knowledge ports, staged like the other fakes (see fakes.py).

A unit of work works on a private copy of the committed knowledge state; `apply` publishes it,
`discard` drops it. Ids come from counters that, like PostgreSQL identities, are not rolled back.
"""

from collections.abc import Iterator
from copy import deepcopy
from dataclasses import dataclass, field, replace
from datetime import datetime
from itertools import count

from domain.knowledge.model import Article, ArticleVersion
from domain.knowledge.triage import TermKind, TriageTerm
from domain.shared.errors import PreconditionFailed


@dataclass
class KnowledgeState:
    articles: dict[int, Article] = field(default_factory=dict)
    versions: dict[int, list[ArticleVersion]] = field(default_factory=dict)
    terms: dict[int, TriageTerm] = field(default_factory=dict)
    feedback: list[tuple[int, bool, datetime]] = field(default_factory=list)


@dataclass
class KnowledgeStore:
    """The committed state, and identity counters shared by every unit of work."""

    state: KnowledgeState = field(default_factory=KnowledgeState)
    article_ids: Iterator[int] = field(default_factory=lambda: count(1))
    term_ids: Iterator[int] = field(default_factory=lambda: count(1))

    def put_article(self, article: Article) -> Article:
        """Store an article as committed (seeding); it gets an id if it has none."""
        if not article.id:
            article.id = next(self.article_ids)
        stored = deepcopy(article)
        self.state.versions.setdefault(stored.id, []).extend(stored.pending_versions)
        stored.pending_versions = []
        self.state.articles[stored.id] = stored
        article.pending_versions = []
        return article


class FakeArticleRepository:
    def __init__(self, store: KnowledgeStore, state: KnowledgeState) -> None:
        self._store, self._state = store, state

    async def get(self, article_id: int, *, for_update: bool = False) -> Article | None:
        return deepcopy(self._state.articles.get(article_id))

    async def add(self, article: Article) -> None:
        article.id = next(self._store.article_ids)
        self._write(article)

    async def save(self, article: Article, expected_version: int) -> None:
        staged = self._state.articles.get(article.id)
        committed = self._store.state.articles.get(article.id)
        for current in (staged, committed):
            if current is None or current.version != expected_version:
                raise PreconditionFailed("the article was changed by someone else")
        self._write(article)

    def _write(self, article: Article) -> None:
        self._state.versions.setdefault(article.id, []).extend(article.pending_versions)
        article.pending_versions = []
        self._state.articles[article.id] = deepcopy(article)

    async def slug_owner(self, slug: str) -> int | None:
        owners = (a.id for a in self._state.articles.values() if a.labels.slug == slug)
        return next(owners, None)

    async def translation_in(self, original_id: int, language: str) -> int | None:
        found = (
            a.id
            for a in self._state.articles.values()
            if a.translation_of == original_id and a.labels.language == language
        )
        return next(found, None)

    async def count_view(self, article_id: int) -> None:
        if article_id in self._state.articles:
            self._state.articles[article_id].view_count += 1

    async def count_use(self, article_id: int) -> None:
        if article_id in self._state.articles:
            self._state.articles[article_id].use_count += 1

    async def add_feedback(self, article_id: int, helpful: bool, at: datetime) -> None:
        self._state.feedback.append((article_id, helpful, at))


class FakeTriageTermRepository:
    def __init__(self, store: KnowledgeStore, state: KnowledgeState) -> None:
        self._store, self._state = store, state

    async def add(self, term: TriageTerm) -> TriageTerm:
        stored = replace(term, id=next(self._store.term_ids))
        self._state.terms[stored.id] = stored
        return stored

    async def find(self, folded: str, kind: TermKind) -> TriageTerm | None:
        found = (t for t in self._state.terms.values() if t.folded == folded and t.kind is kind)
        return next(found, None)

    async def get(self, term_id: int) -> TriageTerm | None:
        return self._state.terms.get(term_id)

    async def delete(self, term_id: int) -> None:
        del self._state.terms[term_id]


class FakeKnowledge:
    """Both repositories of one unit of work, over one private copy of the state."""

    def __init__(self, store: KnowledgeStore) -> None:
        self._store = store
        self._state = deepcopy(store.state)
        self.articles = FakeArticleRepository(store, self._state)
        self.triage_terms = FakeTriageTermRepository(store, self._state)

    def apply(self) -> None:
        self._store.state = deepcopy(self._state)

    def discard(self) -> None:
        fresh = deepcopy(self._store.state)
        for name in ("articles", "versions", "terms"):
            setattr(self._state, name, getattr(fresh, name))

"""The Article aggregate: a knowledge-base answer with its lifecycle, versions and review date.

Lifecycle: draft -> published | archived, published -> archived, archived -> draft.
A published article is never sent back to draft: it is edited in place (every edit is a new
version) or archived. Archiving retires it; moving an archived article to draft revives it for
rework before it is published again.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from domain.directory.catalog import is_slug
from domain.knowledge.folding import normalize_text
from domain.knowledge.text import normalize_language, plain_text
from domain.shared.errors import FieldError, IllegalTransition, ValidationFailed
from domain.shared.vocabulary import Actor

MAX_TITLE = 200
MAX_SUMMARY = 1000
MAX_BODY = 50_000
MAX_LABELS = 20
MAX_LABEL = 64


class ArticleStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    ARCHIVED = "archived"


class Audience(StrEnum):
    PUBLIC = "public"
    INTERNAL = "internal"


LIFECYCLE: dict[ArticleStatus, frozenset[ArticleStatus]] = {
    ArticleStatus.DRAFT: frozenset({ArticleStatus.PUBLISHED, ArticleStatus.ARCHIVED}),
    ArticleStatus.PUBLISHED: frozenset({ArticleStatus.ARCHIVED}),
    ArticleStatus.ARCHIVED: frozenset({ArticleStatus.DRAFT}),
}


@dataclass(frozen=True)
class ArticleContent:
    """What readers see, and what every version keeps."""

    title: str
    summary: str = ""
    body: str = ""

    def cleaned(self) -> "ArticleContent":
        content = ArticleContent(
            normalize_text(self.title).strip(),
            normalize_text(self.summary).strip(),
            normalize_text(self.body).strip(),
        )
        errors = []
        if not content.title:
            errors.append(FieldError("title", "must not be blank"))
        for name, value, limit in (
            ("title", content.title, MAX_TITLE),
            ("summary", content.summary, MAX_SUMMARY),
            ("body", content.body, MAX_BODY),
        ):
            if len(value) > limit:
                errors.append(FieldError(name, f"must be at most {limit} characters"))
        if errors:
            raise ValidationFailed(errors)
        return content


@dataclass(frozen=True)
class Labels:
    """How an article is filed: language, audience, owner, related services, tags, review date."""

    language: str = "en"
    audience: Audience = Audience.PUBLIC
    department_code: str | None = None
    services: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    review_by: date | None = None
    slug: str | None = None

    def cleaned(self) -> "Labels":
        try:
            language = normalize_language(self.language)
        except ValueError as problem:
            raise ValidationFailed.single("language", str(problem)) from None
        tags = _unique(normalize_text(t).strip() for t in self.tags)
        services = _unique(s.strip() for s in self.services)
        errors = [*_check_list("tags", tags), *_check_list("services", services)]
        if self.slug is not None and not is_slug(self.slug):
            errors.append(FieldError("slug", "must be a lowercase URL-safe slug"))
        if errors:
            raise ValidationFailed(errors)
        return Labels(
            language, self.audience, self.department_code, services, tags, self.review_by, self.slug
        )


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


def _check_list(name: str, values: tuple[str, ...]) -> list[FieldError]:
    errors = []
    if len(values) > MAX_LABELS:
        errors.append(FieldError(name, f"must hold at most {MAX_LABELS} entries"))
    if any(len(v) > MAX_LABEL for v in values):
        errors.append(FieldError(name, f"entries must be at most {MAX_LABEL} characters"))
    return errors


@dataclass(frozen=True)
class ArticleVersion:
    """One kept state of an article: its content and status after a change, and who made it."""

    version: int
    content: ArticleContent
    status: ArticleStatus
    change: str
    edited_by: Actor
    edited_at: datetime


@dataclass
class Article:
    id: int
    content: ArticleContent
    labels: Labels
    status: ArticleStatus
    created_at: datetime
    updated_at: datetime
    translation_of: int | None = None
    published_at: datetime | None = None
    view_count: int = 0
    use_count: int = 0
    version: int = 1
    pending_versions: list[ArticleVersion] = field(default_factory=list)

    @classmethod
    def write(
        cls,
        content: ArticleContent,
        labels: Labels,
        status: ArticleStatus,
        by: Actor,
        at: datetime,
        translation_of: int | None = None,
    ) -> "Article":
        """A new article, as a draft or published at once (never archived)."""
        if status is ArticleStatus.ARCHIVED:
            raise ValidationFailed.single("status", "a new article is a draft or published")
        published = at if status is ArticleStatus.PUBLISHED else None
        article = cls(0, content.cleaned(), labels.cleaned(), status, at, at, translation_of)
        article.published_at = published
        article._record("created", by, at)
        return article

    @property
    def plain_body(self) -> str:
        return plain_text(self.content.body)

    @property
    def department_code(self) -> str | None:
        return self.labels.department_code

    def edit(self, content: ArticleContent, labels: Labels, by: Actor, at: datetime) -> bool:
        """Replace content and labels; a real change is a new version. True if it changed."""
        content, labels = content.cleaned(), labels.cleaned()
        if content == self.content and labels == self.labels:
            return False
        self.content, self.labels = content, labels
        self._bump(at)
        self._record("edited", by, at)
        return True

    def transition(self, to: ArticleStatus, by: Actor, at: datetime) -> None:
        if to not in LIFECYCLE[self.status]:
            raise IllegalTransition(f"an article cannot go from {self.status} to {to}")
        self.status = to
        if to is ArticleStatus.PUBLISHED and self.published_at is None:
            self.published_at = at
        self._bump(at)
        self._record(to.value, by, at)

    def is_stale(self, today: date) -> bool:
        return is_stale(self.labels.review_by, today)

    def _bump(self, at: datetime) -> None:
        self.version += 1
        self.updated_at = at

    def _record(self, change: str, by: Actor, at: datetime) -> None:
        self.pending_versions.append(
            ArticleVersion(self.version, self.content, self.status, change, by, at)
        )


def is_stale(review_by: date | None, today: date) -> bool:
    """Past its review date: lists flag it so that someone checks it is still right."""
    return review_by is not None and review_by < today

"""Use cases on knowledge articles and triage terms. Each opens one unit of work, commits once."""

from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar, cast

from domain.directory.permissions import Principal
from domain.knowledge.model import (
    Article,
    ArticleContent,
    ArticleStatus,
    Audience,
    Labels,
)
from domain.knowledge.permissions import read_scope, require_write
from domain.knowledge.ports import KnowledgeUnitOfWork
from domain.knowledge.triage import TermKind, TriageTerm, new_term
from domain.shared.context import Context
from domain.shared.errors import (
    Conflict,
    FieldError,
    NotFound,
    PreconditionFailed,
    PreconditionRequired,
    ValidationFailed,
)


@dataclass(frozen=True)
class WriteArticle:
    content: ArticleContent
    labels: Labels
    status: ArticleStatus = ArticleStatus.DRAFT
    translation_of: int | None = None


async def write_article(
    context: Context[KnowledgeUnitOfWork], command: WriteArticle, by: Principal
) -> Article:
    """Create an article, as a draft or published at once.

    - Admins and supervisors write any article; a department manager writes their department's.
    - The owner department and the related services must exist; a slug is unique.
    - A translation names its original (not another translation), is in another language, and
      an original has one translation per language.
    """
    require_write(by, command.labels.department_code)
    article = Article.write(
        command.content,
        command.labels,
        command.status,
        by.actor,
        context.clock.now(),
        command.translation_of,
    )
    async with context.uow() as uow:
        await _check_labels(uow, article)
        await _check_translation(uow, article, by)
        await uow.articles.add(article)
        await uow.commit()
    return article


@dataclass(frozen=True)
class EditArticle:
    """Fields in `given` are changed; for department, review_by and slug, None clears them."""

    article_id: int
    if_match: int | None
    given: frozenset[str] = field(default_factory=frozenset)
    title: str | None = None
    summary: str | None = None
    body: str | None = None
    language: str | None = None
    audience: Audience | None = None
    department_code: str | None = None
    services: tuple[str, ...] | None = None
    tags: tuple[str, ...] | None = None
    review_by: date | None = None
    slug: str | None = None


NULLABLE = frozenset({"department_code", "review_by", "slug"})


async def edit_article(
    context: Context[KnowledgeUnitOfWork], command: EditArticle, by: Principal
) -> Article:
    """Change an article's content or labels; every change is kept as a new version.

    Moving an article to another department needs the right to write in both.
    """
    async with context.uow() as uow:
        article = await _load_for_write(uow, command.article_id, command.if_match, by)
        read_version, before = article.version, article.labels
        content, labels = _merged(article, command)
        if labels.department_code != before.department_code:
            require_write(by, labels.department_code)
        if article.edit(content, labels, by.actor, context.clock.now()):
            await _check_labels(uow, article)
            if article.labels.language != before.language:
                await _check_translation(uow, article, by)
            await uow.articles.save(article, expected_version=read_version)
            await uow.commit()
    return article


T = TypeVar("T")


def _pick(command: EditArticle, name: str, current: T) -> T:
    value = getattr(command, name)
    given = name in command.given and (value is not None or name in NULLABLE)
    return cast(T, value) if given else current


def _merged(article: Article, c: EditArticle) -> tuple[ArticleContent, Labels]:
    was, labels = article.content, article.labels
    content = ArticleContent(
        _pick(c, "title", was.title), _pick(c, "summary", was.summary), _pick(c, "body", was.body)
    )
    return content, Labels(
        language=_pick(c, "language", labels.language),
        audience=_pick(c, "audience", labels.audience),
        department_code=_pick(c, "department_code", labels.department_code),
        services=_pick(c, "services", labels.services),
        tags=_pick(c, "tags", labels.tags),
        review_by=_pick(c, "review_by", labels.review_by),
        slug=_pick(c, "slug", labels.slug),
    )


@dataclass(frozen=True)
class TransitionArticle:
    article_id: int
    to: ArticleStatus
    if_match: int | None


async def transition_article(
    context: Context[KnowledgeUnitOfWork], command: TransitionArticle, by: Principal
) -> Article:
    """Publish, archive, or revive an archived article as a draft (see model.LIFECYCLE)."""
    async with context.uow() as uow:
        article = await _load_for_write(uow, command.article_id, command.if_match, by)
        read_version = article.version
        article.transition(command.to, by.actor, context.clock.now())
        await uow.articles.save(article, expected_version=read_version)
        await uow.commit()
    return article


async def record_view(context: Context[KnowledgeUnitOfWork], article_id: int) -> None:
    """Count a reading of an article the caller was allowed to see."""
    async with context.uow() as uow:
        await uow.articles.count_view(article_id)
        await uow.commit()


async def record_use(context: Context[KnowledgeUnitOfWork], article_id: int, by: Principal) -> None:
    """Count an article an agent used to answer a caller."""
    async with context.uow() as uow:
        await _visible(uow, article_id, by)
        await uow.articles.count_use(article_id)
        await uow.commit()


async def _visible(
    uow: KnowledgeUnitOfWork, article_id: int, by: Principal, lock: bool = False
) -> Article:
    """An article outside the caller's reach is answered as if it did not exist."""
    article = await uow.articles.get(article_id, for_update=lock)
    if article is None or not _readable(article, by):
        raise NotFound(f"article {article_id} was not found")
    return article


def _readable(article: Article, by: Principal) -> bool:
    labels = article.labels
    return read_scope(by).allows(labels.audience, article.status, labels.department_code)


async def _load_for_write(
    uow: KnowledgeUnitOfWork, article_id: int, if_match: int | None, by: Principal
) -> Article:
    """404 before 403 before 428/412, so that hidden articles stay hidden."""
    article = await _visible(uow, article_id, by, lock=True)
    require_write(by, article.department_code)
    if if_match is None:
        raise PreconditionRequired("send If-Match with the ETag of the article you read")
    if if_match != article.version:
        raise PreconditionFailed("the article was changed by someone else; read it again")
    return article


async def _check_labels(uow: KnowledgeUnitOfWork, article: Article) -> None:
    labels, errors = article.labels, []
    department = labels.department_code
    if department is not None and await uow.departments.get(department) is None:
        errors.append(FieldError("department", "is not a known department"))
    unknown = [code for code in labels.services if await uow.services.get(code) is None]
    if unknown:
        errors.append(FieldError("services", f"unknown service codes: {', '.join(unknown)}"))
    if errors:
        raise ValidationFailed(errors)
    if labels.slug is not None and await uow.articles.slug_owner(labels.slug) not in (
        None,
        article.id,
    ):
        raise Conflict(f"another article has the slug {labels.slug}")


async def _check_translation(uow: KnowledgeUnitOfWork, article: Article, by: Principal) -> None:
    """Translations hang off one original, one per language, never in the original's language."""
    language = article.labels.language
    original_id = article.translation_of
    if original_id is None:
        if article.id and await uow.articles.translation_in(article.id, language) is not None:
            raise Conflict(f"article {article.id} already has a {language} translation")
        return
    original = await uow.articles.get(original_id)
    if original is None or not _readable(original, by):
        raise ValidationFailed.single("translation_of", "is not a known article")
    if original.translation_of is not None:
        raise ValidationFailed.single("translation_of", "must name the original, not a translation")
    if original.labels.language == language:
        raise ValidationFailed.single("language", "must differ from the original's language")
    if await uow.articles.translation_in(original.id, language) not in (None, article.id):
        raise Conflict(f"article {original.id} already has a {language} translation")


async def add_triage_term(
    context: Context[KnowledgeUnitOfWork], term: str, kind: TermKind, language: str, by: Principal
) -> TriageTerm:
    """Admins add terms; the same words (accents and case aside) of one kind are one term."""
    by.require_admin()
    candidate = new_term(term, kind, language)
    async with context.uow() as uow:
        existing = await uow.triage_terms.find(candidate.folded, kind)
        if existing is not None:
            raise Conflict(f"the {kind} term {existing.term!r} already exists")
        stored = await uow.triage_terms.add(candidate)
        await uow.commit()
    return stored


async def remove_triage_term(
    context: Context[KnowledgeUnitOfWork], term_id: int, by: Principal
) -> None:
    by.require_admin()
    async with context.uow() as uow:
        if await uow.triage_terms.get(term_id) is None:
            raise NotFound(f"triage term {term_id} was not found")
        await uow.triage_terms.delete(term_id)
        await uow.commit()

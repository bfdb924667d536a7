"""Knowledge articles as residents read them on the public site: published public articles only,
each in the visitor's language where it is translated, else in the fallback language."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from domain.knowledge.model import Article
from domain.knowledge.permissions import ReadScope
from domain.knowledge.ports import KnowledgeUnitOfWork
from domain.knowledge.queries import TranslationRef
from domain.knowledge.text import primary_language
from domain.shared.context import Context
from domain.shared.errors import NotFound

RESIDENT = ReadScope()  # what anyone without a token may read
FALLBACK_LANGUAGE = "en"


@dataclass(frozen=True)
class FeedbackCounts:
    helpful: int = 0
    not_helpful: int = 0


class ArticleFeedbackReads(Protocol):
    async def feedback(self, article_ids: Sequence[int]) -> dict[int, FeedbackCounts]: ...


class Translatable(Protocol):
    """An article's summary: enough to tell its family and its language."""

    @property
    def id(self) -> int: ...
    @property
    def translation_of(self) -> int | None: ...
    @property
    def language(self) -> str: ...


T = TypeVar("T", bound=Translatable)


def family_of(item: Translatable) -> int:
    """The original's id: an article and its translations share it."""
    return item.translation_of or item.id


def readable_by_residents(article: Article | None) -> bool:
    if article is None:
        return False
    labels = article.labels
    return RESIDENT.allows(labels.audience, article.status, labels.department_code)


def in_visitor_language(items: Iterable[T], visitor: str, limit: int) -> list[T]:
    """One article per family, in the order given: the visitor's language when the family has
    it among `items`, else the fallback language; articles in any other language are left out."""
    wanted = (primary_language(visitor), FALLBACK_LANGUAGE)
    best: dict[int, T] = {}
    for item in items:
        language = primary_language(item.language)
        if language not in wanted:
            continue
        family = family_of(item)
        kept = best.get(family)
        if kept is None or (language == wanted[0] != primary_language(kept.language)):
            best[family] = item  # a dict keeps the family where it first came
    return list(best.values())[:limit]


def translation_for(refs: Iterable[TranslationRef], visitor: str) -> int | None:
    """The id of the translation in the visitor's language among `refs`, if there is one."""
    wanted = primary_language(visitor)
    return next((r.id for r in refs if primary_language(r.language) == wanted), None)


async def give_feedback(
    context: Context[KnowledgeUnitOfWork], article_id: int, helpful: bool
) -> None:
    """A reader says whether a public article helped. Only published public articles take
    feedback (any other is answered as missing); nothing about the reader is kept."""
    async with context.uow() as uow:
        if not readable_by_residents(await uow.articles.get(article_id)):
            raise NotFound(f"article {article_id} was not found")
        await uow.articles.add_feedback(article_id, helpful, context.clock.now())
        await uow.commit()

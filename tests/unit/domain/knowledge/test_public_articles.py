"""Articles as residents read them: one per original in their language or English, and
feedback only on published public articles."""

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from domain.knowledge.model import Article, ArticleContent, ArticleStatus, Audience, Labels
from domain.knowledge.public import give_feedback, in_visitor_language, translation_for
from domain.knowledge.queries import TranslationRef
from domain.shared.clock import FixedClock
from domain.shared.context import Context
from domain.shared.errors import NotFound
from domain.unit_of_work import UnitOfWork
from tests.unit.fakes import FakeStore, FakeUnitOfWorkFactory

NOW = datetime(2026, 12, 5, 6, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Summary:
    id: int
    translation_of: int | None
    language: str


def ids(items: list[Summary]) -> list[int]:
    return [item.id for item in items]


TRASH_EN, TRASH_ES = Summary(1, None, "en"), Summary(2, 1, "es")
PARKING_EN = Summary(3, None, "en")  # not translated
BULK_ES_MX, BULK_EN = Summary(5, 4, "es-MX"), Summary(4, None, "en")
FRENCH = Summary(6, 1, "fr")


def test_each_original_comes_once_in_the_visitor_s_language_or_english() -> None:
    found = [TRASH_EN, PARKING_EN, FRENCH, TRASH_ES, BULK_ES_MX, BULK_EN]
    assert ids(in_visitor_language(found, "es", 10)) == [2, 3, 5]
    assert ids(in_visitor_language(found, "en", 10)) == [1, 3, 4]
    assert ids(in_visitor_language(found, "es-US", 2)) == [2, 3]


def test_a_language_without_articles_reads_english_and_never_a_third_language() -> None:
    assert ids(in_visitor_language([FRENCH, TRASH_ES, TRASH_EN], "de", 10)) == [1]


def test_the_translation_for_the_visitor_is_found_by_primary_language() -> None:
    refs = [TranslationRef(2, "es-MX", "Basura"), TranslationRef(6, "fr", "Ordures")]
    assert translation_for(refs, "es") == 2
    assert translation_for(refs, "fr-CA") == 6
    assert translation_for(refs, "de") is None


@pytest.fixture
def uow() -> FakeUnitOfWorkFactory:
    return FakeUnitOfWorkFactory(FakeStore())


@pytest.fixture
def context(uow: FakeUnitOfWorkFactory) -> Context[UnitOfWork]:
    return Context(uow, FixedClock(NOW))


def article(uow: FakeUnitOfWorkFactory, status: ArticleStatus, audience: Audience) -> int:
    stored = Article(0, ArticleContent("Trash day"), Labels(audience=audience), status, NOW, NOW)
    return uow.store.knowledge.put_article(stored).id


async def test_feedback_on_a_public_article_is_kept_with_its_time_only(
    context: Context[UnitOfWork], uow: FakeUnitOfWorkFactory
) -> None:
    public = article(uow, ArticleStatus.PUBLISHED, Audience.PUBLIC)
    await give_feedback(context, public, True)
    await give_feedback(context, public, False)
    assert uow.store.knowledge.state.feedback == [(public, True, NOW), (public, False, NOW)]


@pytest.mark.parametrize(
    ("status", "audience"),
    [
        (ArticleStatus.DRAFT, Audience.PUBLIC),
        (ArticleStatus.ARCHIVED, Audience.PUBLIC),
        (ArticleStatus.PUBLISHED, Audience.INTERNAL),
    ],
)
async def test_feedback_on_any_other_article_is_as_if_it_did_not_exist(
    context: Context[UnitOfWork],
    uow: FakeUnitOfWorkFactory,
    status: ArticleStatus,
    audience: Audience,
) -> None:
    hidden = article(uow, status, audience)
    for article_id in (hidden, 999):
        with pytest.raises(NotFound):
            await give_feedback(context, article_id, True)
    assert uow.store.knowledge.state.feedback == []

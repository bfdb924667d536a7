"""The triage use case: flags, articles the reader may see, services in the answer's language."""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from domain.directory.catalog import Service, SlaPolicy
from domain.directory.permissions import Principal
from domain.directory.users import Role
from domain.knowledge.model import ArticleStatus, Audience
from domain.knowledge.queries import ArticleFilter, ArticlePage, ArticleSummary
from domain.knowledge.triage import TermKind, TriageTerm
from domain.knowledge.triaging import TriageQuestion, triage_words
from domain.shared.languages import Languages
from tests.unit.builders import user

TODAY = date(2026, 6, 15)
AGENT = Principal.of(user(3, Role.AGENT))
SLA = SlaPolicy(48)
FIRE = TriageTerm(1, "fire", TermKind.EMERGENCY, "en")
HOLE_ARTICLE = ArticleSummary(
    1,
    "potholes",
    "Potholes",
    "",
    "",
    "en",
    None,
    Audience.PUBLIC,
    ArticleStatus.PUBLISHED,
    None,
    ("pothole",),
    (),
    None,
    False,
    0,
    0,
    1,
    datetime(2026, 1, 1, tzinfo=UTC),
)
NAMES = {"en": "Pothole", "es": "Bache"}


@dataclass
class Knowledge:
    searched: list[ArticleFilter] = field(default_factory=list)

    async def triage_terms(self) -> list[TriageTerm]:
        return [FIRE]

    async def search(self, f: ArticleFilter) -> ArticlePage:
        self.searched.append(f)
        return ArticlePage([HOLE_ARTICLE], None)


@dataclass
class Catalog:
    asked: list[str | None] = field(default_factory=list)

    async def services(
        self, include_inactive: bool = False, language: str | None = None
    ) -> list[Service]:
        self.asked.append(language)
        name = NAMES[language or "en"]
        return [Service("pothole", name, "public-works", SLA, keywords=["hole", "bache"])]


async def test_words_are_flagged_and_matched_to_articles_and_services() -> None:
    knowledge, catalog = Knowledge(), Catalog()
    question = TriageQuestion("A fire near a deep hole", "en", "en", TODAY)

    answer = await triage_words(knowledge, catalog, Languages("en", ("es",)), question, AGENT)

    assert answer.assessment.emergency_terms == ("fire",)
    assert answer.articles == [HOLE_ARTICLE]
    assert [s.name for s in answer.services] == ["Pothole"]
    assert catalog.asked == ["en"]
    [searched] = knowledge.searched
    assert (searched.q, searched.language, searched.limit) == (question.text, "en", 3)
    assert searched.description and searched.today == TODAY and searched.scope.internal


async def test_services_are_named_again_in_the_answers_language() -> None:
    catalog = Catalog()
    question = TriageQuestion("A deep hole", "en", "es", TODAY)

    answer = await triage_words(Knowledge(), catalog, Languages("en", ("es",)), question, AGENT)

    assert [s.name for s in answer.services] == ["Bache"]
    assert catalog.asked == ["en", "es"]

"""The triage use case: a caller's words flagged, with the likely services and articles."""

from dataclasses import dataclass
from datetime import date

from domain.directory.catalog import Service
from domain.directory.permissions import Principal
from domain.directory.ports import ServiceCatalog
from domain.knowledge.permissions import read_scope
from domain.knowledge.queries import ArticleFilter, ArticleSummary, KnowledgeReads
from domain.knowledge.triage import Assessment, assess, suggest_services
from domain.shared.languages import Languages

SUGGESTED_ARTICLES = 3


@dataclass(frozen=True)
class TriageQuestion:
    text: str
    language: str  # the caller's: services are matched in it
    answer_language: str  # the suggested services are named in it
    today: date  # which articles are in force


@dataclass(frozen=True)
class TriageAnswer:
    assessment: Assessment
    services: list[Service]  # best first, named in the answer's language
    articles: list[ArticleSummary]


async def triage_words(
    knowledge: KnowledgeReads,
    catalog: ServiceCatalog,
    languages: Languages,
    question: TriageQuestion,
    principal: Principal,
) -> TriageAnswer:
    """Flag the terms, find the three articles the text most likely is about (those the
    principal may read), then the services, helped by those articles' related services."""
    assessment = assess(question.text, await knowledge.triage_terms())
    found = ArticleFilter(
        read_scope(principal),
        question.today,
        q=question.text,
        language=question.language,
        limit=SUGGESTED_ARTICLES,
        description=True,
    )
    articles = (await knowledge.search(found)).items
    spoken = languages.pick([question.language])
    services = {s.code: s for s in await catalog.services(language=spoken)}
    related = [article.services for article in articles]
    codes = suggest_services(question.text, services.values(), related)
    if codes and question.answer_language != spoken:
        named = await catalog.services(language=question.answer_language)
        services = {s.code: s for s in named}
    return TriageAnswer(assessment, [services[c] for c in codes], articles)

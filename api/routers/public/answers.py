"""Answers for residents: search across articles and services, public articles, feedback."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response, status

from api.bootstrap import Container
from api.deps import ContainerDep
from api.language import LanguageDep
from api.problems import problem_responses
from api.routers.public.paths import PREFIX, SEARCH_LIMIT, SearchWords, today
from api.schemas.public import ArticleHit, FeedbackIn, PublicArticleOut, SearchOut, ServiceHit
from api.spec_constraints import NOT_BLANK
from domain.directory.service_search import services_matching
from domain.knowledge.model import Article
from domain.knowledge.public import (
    FALLBACK_LANGUAGE,
    RESIDENT,
    give_feedback,
    in_visitor_language,
    readable_by_residents,
    translation_for,
)
from domain.knowledge.queries import ArticleFilter, ArticleSummary
from domain.knowledge.text import primary_language
from domain.knowledge.use_cases import record_view
from domain.shared.errors import NotFound, ValidationFailed

router = APIRouter(prefix=PREFIX, tags=["public"])

ArticleId = Annotated[int, Path(ge=1, le=2**63 - 1)]
FETCHED_PER_SHOWN = 3  # articles read per one shown: other languages and translations drop out


def _words(q: str | None) -> str | None:
    if q is not None and not q.strip():
        raise ValidationFailed.single("q", "must not be blank")
    return q


async def public_articles(
    container: Container, language: str, q: str | None, limit: int
) -> list[ArticleSummary]:
    """Published public articles, one per original, in the visitor's language or English;
    with `q` best match first, else newest first. English visitors search with English stems
    alone; others with English and Spanish."""
    english = primary_language(language) == FALLBACK_LANGUAGE
    f = ArticleFilter(
        RESIDENT,
        today(container),
        q=q,
        language=FALLBACK_LANGUAGE if english else None,
        limit=limit * FETCHED_PER_SHOWN,
    )
    page = await container.knowledge_reads.page(f)
    return in_visitor_language(page.items, language, limit)


@router.get("/search", response_model=SearchOut, responses=problem_responses(422))
async def search_public(
    container: ContainerDep, language: LanguageDep, q: SearchWords
) -> SearchOut:
    """The home page's "What do you need?": published public articles and active services
    matching the words, in the visitor's language (untranslated articles come in English).
    Services also match by their English words, shown in the visitor's language."""
    words = _words(q) or ""
    articles = await public_articles(container, language, words, SEARCH_LIMIT)
    catalog = await container.catalog.services(False, language)
    english = primary_language(language) == FALLBACK_LANGUAGE
    also = [] if english else await container.catalog.services(False, FALLBACK_LANGUAGE)
    services = services_matching(catalog, words, SEARCH_LIMIT, also=also)
    return SearchOut(
        articles=[ArticleHit.of(a) for a in articles],
        services=[ServiceHit.of(s) for s in services],
    )


@router.get("/articles", response_model=list[ArticleHit], responses=problem_responses(422))
async def list_public_articles(
    container: ContainerDep,
    language: LanguageDep,
    q: Annotated[
        str | None,
        Query(max_length=200, pattern=NOT_BLANK, description="Words to search for"),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=50)] = 20,
) -> list[ArticleHit]:
    """Published public articles (with `q`: best match first), in the visitor's language or
    English."""
    found = await public_articles(container, language, _words(q), limit)
    return [ArticleHit.of(a) for a in found]


async def _readable(container: Container, article_id: int) -> Article:
    article = await container.knowledge_reads.article(article_id)
    if article is None or not readable_by_residents(article):
        raise NotFound(f"article {article_id} was not found")
    return article


async def _in_language(container: Container, article: Article, language: str) -> Article:
    """The article's translation in the visitor's language when there is a public one."""
    if primary_language(article.labels.language) == primary_language(language):
        return article
    refs = await container.knowledge_reads.translations(article, RESIDENT)
    translated = translation_for(refs, language)
    return article if translated is None else await _readable(container, translated)


@router.get(
    "/articles/{article_id}", response_model=PublicArticleOut, responses=problem_responses(404, 422)
)
async def get_public_article(
    article_id: ArticleId, container: ContainerDep, language: LanguageDep
) -> PublicArticleOut:
    """A published public article, or its translation in the visitor's language (its `id`
    then is the translation's); anything else is 404. Each read counts as a view."""
    article = await _in_language(container, await _readable(container, article_id), language)
    await record_view(container.context, article.id)
    return PublicArticleOut.of(article)


@router.post(
    "/articles/{article_id}/feedback",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=problem_responses(400, 404, 422),
)
async def give_article_feedback(
    article_id: ArticleId, body: FeedbackIn, container: ContainerDep
) -> Response:
    """A reader's answer to "Was this helpful?", counted for the article's writers (staff see
    the counts on the article); nothing about the reader is kept."""
    await give_feedback(container.context, article_id, body.helpful)
    return Response(status_code=status.HTTP_204_NO_CONTENT)

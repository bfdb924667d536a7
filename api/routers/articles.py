"""Knowledge articles: search and read without a token (published public articles only);
staff see more according to their role, and writers write."""

from dataclasses import replace
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Header, Path, Query, Response, status

from api.bootstrap import Container
from api.deps import (
    OPTIONAL_TOKEN,
    ContainerDep,
    IfMatchDep,
    OptionalPrincipalDep,
    PrincipalDep,
    etag_of,
)
from api.problems import problem_responses
from api.schemas.knowledge import (
    ArticleCreate,
    ArticleItem,
    ArticleList,
    ArticleOut,
    ArticlePatch,
    ArticleTransitionIn,
    FeedbackOut,
    SuggestionList,
    VersionList,
    VersionOut,
)
from domain.directory.permissions import Principal
from domain.knowledge.model import Article, ArticleContent, ArticleStatus, Audience, Labels
from domain.knowledge.permissions import read_scope
from domain.knowledge.public import FeedbackCounts
from domain.knowledge.queries import ArticleFilter, ArticleSummary
from domain.knowledge.use_cases import (
    EditArticle,
    TransitionArticle,
    WriteArticle,
    edit_article,
    record_use,
    record_view,
    transition_article,
    write_article,
)
from domain.shared.errors import NotFound, ValidationFailed

router = APIRouter(prefix="/api/v1/articles", tags=["knowledge"])

ArticleId = Annotated[int, Path(ge=1, le=2**63 - 1)]
LanguageQuery = Annotated[
    str | None, Query(max_length=35, pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
]
WRITE_ERRORS = problem_responses(400, 401, 403, 404, 409, 412, 413, 422, 428)
SUGGESTIONS = 5


def today(container: Container) -> date:
    return container.clock.now().astimezone(container.settings.zone).date()


def _answer(container: Container, article: Article, response: Response) -> ArticleOut:
    response.headers["ETag"] = etag_of(article.version)
    return ArticleOut.of(article, today(container))


@router.get(
    "",
    response_model=ArticleList,
    responses=problem_responses(401, 422),
    openapi_extra=OPTIONAL_TOKEN,
)
async def list_articles(
    container: ContainerDep,
    principal: OptionalPrincipalDep,
    q: Annotated[str | None, Query(max_length=200, description="Words to search for")] = None,
    language: LanguageQuery = None,
    service_code: Annotated[str | None, Query(max_length=64)] = None,
    article_status: Annotated[ArticleStatus | None, Query(alias="status")] = None,
    audience: Annotated[Audience | None, Query()] = None,
    department: Annotated[str | None, Query(max_length=64)] = None,
    stale: Annotated[bool | None, Query(description="Only past (or not past) review")] = None,
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
    offset: Annotated[int, Query(ge=0, le=1000)] = 0,
) -> ArticleList:
    """Search (with `q`: best match first, with highlighted snippets) or list (newest first).

    Search stems words in the article's language (English and Spanish without `language`),
    ignores accents and case, and corrects misspellings against the articles' vocabulary.
    Without a token only published public articles are listed.
    """
    page = await container.knowledge_reads.page(
        ArticleFilter(
            read_scope(principal),
            today(container),
            q=q,
            language=language,
            service_code=service_code,
            status=article_status,
            audience=audience,
            department=department,
            stale=stale,
            limit=limit,
            offset=offset,
        )
    )
    return ArticleList(items=[ArticleItem.of(s) for s in page.items], next_offset=page.next_offset)


@router.get(
    "/suggestions",
    response_model=SuggestionList,
    responses=problem_responses(401, 422),
    openapi_extra=OPTIONAL_TOKEN,
)
async def suggest_articles(
    container: ContainerDep,
    principal: OptionalPrincipalDep,
    service_code: Annotated[str | None, Query(max_length=64)] = None,
    text: Annotated[str | None, Query(max_length=1000, description="A caller's words")] = None,
    language: LanguageQuery = None,
) -> SuggestionList:
    """Articles about a service (its related articles, most used first), then articles matching
    a caller's words; at most five."""
    if not service_code and not (text and text.strip()):
        raise ValidationFailed.single("service_code", "give a service_code, a text, or both")
    base = ArticleFilter(read_scope(principal), today(container), language=language)
    found: list[ArticleSummary] = []
    if service_code:
        related = replace(base, service_code=service_code, limit=SUGGESTIONS)
        found += await container.knowledge_reads.related(related)
    if text and text.strip():
        described = replace(base, q=text, description=True, limit=SUGGESTIONS)
        found += (await container.knowledge_reads.search(described)).items
    unique = list({s.id: s for s in found}.values())[:SUGGESTIONS]
    return SuggestionList(items=[ArticleItem.of(s) for s in unique])


@router.post(
    "",
    response_model=ArticleOut,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(400, 401, 403, 409, 413, 422),
)
async def create_article(
    body: ArticleCreate, container: ContainerDep, principal: PrincipalDep, response: Response
) -> ArticleOut:
    """Admins and supervisors write any article; a department manager their department's.
    A translation names its original in `translation_of`."""
    command = WriteArticle(
        ArticleContent(body.title, body.summary, body.body),
        Labels(
            language=body.language,
            audience=body.audience,
            department_code=body.department,
            services=tuple(body.services),
            tags=tuple(body.tags),
            review_by=body.review_by,
            slug=body.slug,
        ),
        body.status,
        body.translation_of,
    )
    article = await write_article(container.context, command, principal)
    response.headers["Location"] = f"/api/v1/articles/{article.id}"
    return _answer(container, article, response)


async def _visible(container: Container, principal: Principal | None, article_id: int) -> Article:
    """An article outside the caller's reach is answered as if it did not exist."""
    article = await container.knowledge_reads.article(article_id)
    scope = read_scope(principal)
    if article is None or not scope.allows(
        article.labels.audience, article.status, article.department_code
    ):
        raise NotFound(f"article {article_id} was not found")
    return article


@router.get(
    "/{article_id}",
    response_model=ArticleOut,
    responses={304: {"description": "Not modified"}, **problem_responses(401, 404, 422)},
    openapi_extra=OPTIONAL_TOKEN,
)
async def get_article(
    article_id: ArticleId,
    container: ContainerDep,
    principal: OptionalPrincipalDep,
    response: Response,
    if_none_match: Annotated[str | None, Header()] = None,
) -> ArticleOut | Response:
    """The article with its translations; each read counts as a view."""
    article = await _visible(container, principal, article_id)
    if if_none_match and etag_of(article.version) in if_none_match:
        return Response(status_code=304, headers={"ETag": etag_of(article.version)})
    await record_view(container.context, article_id)
    translations = await container.knowledge_reads.translations(article, read_scope(principal))
    response.headers["ETag"] = etag_of(article.version)
    answer = ArticleOut.of(article, today(container), translations)
    if principal is not None:
        found = await container.article_feedback.feedback([article_id])
        counts = found.get(article_id, FeedbackCounts())
        answer.feedback = FeedbackOut(helpful=counts.helpful, not_helpful=counts.not_helpful)
    return answer


@router.patch("/{article_id}", response_model=ArticleOut, responses=WRITE_ERRORS)
async def change_article(
    article_id: ArticleId,
    body: ArticlePatch,
    container: ContainerDep,
    principal: PrincipalDep,
    if_match: IfMatchDep,
    response: Response,
) -> ArticleOut:
    """Edit content or labels; every change is kept as a version. Needs If-Match."""
    given = {"department_code" if f == "department" else f for f in body.model_fields_set}
    command = EditArticle(
        article_id=article_id,
        if_match=if_match,
        given=frozenset(given),
        title=body.title,
        summary=body.summary,
        body=body.body,
        language=body.language,
        audience=body.audience,
        department_code=body.department,
        services=tuple(body.services) if body.services is not None else None,
        tags=tuple(body.tags) if body.tags is not None else None,
        review_by=body.review_by,
        slug=body.slug,
    )
    article = await edit_article(container.context, command, principal)
    return _answer(container, article, response)


@router.post("/{article_id}/transitions", response_model=ArticleOut, responses=WRITE_ERRORS)
async def transition_article_status(
    article_id: ArticleId,
    body: ArticleTransitionIn,
    container: ContainerDep,
    principal: PrincipalDep,
    if_match: IfMatchDep,
    response: Response,
) -> ArticleOut:
    """draft -> published | archived, published -> archived, archived -> draft (to revive)."""
    command = TransitionArticle(article_id, body.to, if_match)
    article = await transition_article(container.context, command, principal)
    return _answer(container, article, response)


@router.get(
    "/{article_id}/versions",
    response_model=VersionList,
    responses=problem_responses(401, 404, 422),
)
async def list_article_versions(
    article_id: ArticleId, container: ContainerDep, principal: PrincipalDep
) -> VersionList:
    """Every kept version, oldest first, with who changed what and when."""
    await _visible(container, principal, article_id)
    versions = await container.knowledge_reads.versions(article_id)
    return VersionList(items=[VersionOut.of(v) for v in versions])


@router.post(
    "/{article_id}/uses",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=problem_responses(401, 404, 422),
)
async def record_article_use(
    article_id: ArticleId, container: ContainerDep, principal: PrincipalDep
) -> Response:
    """An agent answered a caller with this article: counts it as a use."""
    await record_use(container.context, article_id, principal)
    return Response(status_code=status.HTTP_204_NO_CONTENT)

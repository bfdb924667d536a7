"""Triage of a caller's words for the agent: 911, 211, likely services and articles."""

from typing import Annotated

from fastapi import APIRouter, Path, Response, status

from api.deps import ContainerDep, PrincipalDep
from api.language import LanguageDep
from api.problems import problem_responses
from api.routers.articles import today
from api.schemas.knowledge import (
    ArticleItem,
    ServiceSuggestion,
    TriageIn,
    TriageOut,
    TriageTermIn,
    TriageTermList,
    TriageTermOut,
)
from domain.knowledge.triaging import TriageQuestion, triage_words
from domain.knowledge.use_cases import add_triage_term, remove_triage_term

router = APIRouter(prefix="/api/v1/triage", tags=["triage"])


@router.post("", response_model=TriageOut, responses=problem_responses(400, 401, 413, 422))
async def triage(
    body: TriageIn, container: ContainerDep, principal: PrincipalDep, language: LanguageDep
) -> TriageOut:
    """Flags words that mean an emergency (transfer to 911), suicide or self-harm (988) or a
    social-service need (211), and suggests the services and the three articles the text is
    most likely about. Services are matched in the caller's language (`language` of the body)
    and named in the language the answer is asked in."""
    question = TriageQuestion(body.text, body.language, language, today(container))
    languages = container.settings.catalog_languages
    answer = await triage_words(
        container.knowledge_reads, container.catalog, languages, question, principal
    )
    assessment = answer.assessment
    return TriageOut(
        emergency=assessment.emergency,
        emergency_terms=list(assessment.emergency_terms),
        crisis=assessment.crisis,
        crisis_terms=list(assessment.crisis_terms),
        social_services=assessment.social_services,
        social_services_terms=list(assessment.social_services_terms),
        suggested_services=[
            ServiceSuggestion(service_code=s.code, name=s.name) for s in answer.services
        ],
        suggested_articles=[ArticleItem.of(a) for a in answer.articles],
    )


@router.get("/terms", response_model=TriageTermList, responses=problem_responses(401))
async def list_triage_terms(container: ContainerDep, _: PrincipalDep) -> TriageTermList:
    """The words triage looks for, by kind and language. Crisis terms point to 988. Benign
    terms are routine phrases that hold an alarming word ("fire hydrant"): they raise no flag."""
    terms = await container.knowledge_reads.triage_terms()
    return TriageTermList(items=[TriageTermOut.of(t) for t in terms])


@router.post(
    "/terms",
    response_model=TriageTermOut,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(400, 401, 403, 409, 413, 422),
)
async def add_term(
    body: TriageTermIn, container: ContainerDep, principal: PrincipalDep
) -> TriageTermOut:
    """Admins add terms. A term's words match by stem, in any order within a few words of each
    other, accents and case aside; `a|b` lists alternatives, `word*` is a prefix, and a term
    in double quotes keeps its order. The same pattern of one kind is one term."""
    term = await add_triage_term(container.context, body.term, body.kind, body.language, principal)
    return TriageTermOut.of(term)


@router.delete(
    "/terms/{term_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=problem_responses(401, 403, 404, 422),
)
async def delete_term(
    term_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
    container: ContainerDep,
    principal: PrincipalDep,
) -> Response:
    await remove_triage_term(container.context, term_id, principal)
    return Response(status_code=status.HTTP_204_NO_CONTENT)

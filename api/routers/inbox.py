"""The agent's Inbox: emails and texts waiting for an answer, and what is done with them."""

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Response, status

from api.bootstrap import mail_domain
from api.deps import ContainerDep, IfMatchDep, PrincipalDep, etag_of
from api.language import LanguageDep
from api.problems import problem_responses
from api.routers.articles import today
from api.schemas.contacts import CaseOut
from api.schemas.inbox import (
    CloseIn,
    ConversationOut,
    InboxList,
    InboxRequestIn,
    MessageOut,
    ReplyIn,
    ReplyTemplateList,
    ReplyTemplateOut,
    SuggestionsOut,
    TurnedOut,
)
from api.schemas.requests import Language
from domain.inbox.answer import answer_case
from domain.inbox.convert import (
    CloseAsInformation,
    TurnIntoRequest,
    close_as_information,
    turn_into_request,
)
from domain.inbox.model import MessageChannel
from domain.inbox.queries import MAX_PAGE, AuthoredMessage, InboxFilter
from domain.inbox.queue import conversation_of, inbox_queue, mark_read, templates_for
from domain.inbox.suggestions import SuggestionSources, suggest

router = APIRouter(prefix="/api/v1/inbox", tags=["inbox"])


@router.get("", response_model=InboxList, responses=problem_responses(401, 403, 422))
async def list_inbox(
    container: ContainerDep,
    principal: PrincipalDep,
    channel: MessageChannel | None = None,
    unread: Annotated[bool, Query(description="Only cases with unread messages")] = False,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> InboxList:
    """The emails and texts waiting for an agent, latest activity first, each with its
    unread and message counts; `unread_total` counts the unread of the whole (filtered)
    queue. Agents, supervisors and admins only."""
    f = InboxFilter(channel=channel, unread_only=unread, limit=limit, offset=offset)
    return InboxList.of(await inbox_queue(container.inbox, f, principal), limit, offset)


@router.get(
    "/templates", response_model=ReplyTemplateList, responses=problem_responses(401, 403, 422)
)
async def list_reply_templates(
    principal: PrincipalDep,
    language: Annotated[Language | None, Query(description="The resident's language")] = None,
) -> ReplyTemplateList:
    """Ready answers to start a reply from, in the resident's language (English when there
    are none in it)."""
    templates = templates_for(language, principal)
    return ReplyTemplateList(items=[ReplyTemplateOut.of(t) for t in templates])


@router.get(
    "/{case_id}", response_model=ConversationOut, responses=problem_responses(401, 403, 404, 422)
)
async def get_conversation(
    case_id: UUID, container: ContainerDep, principal: PrincipalDep, response: Response
) -> ConversationOut:
    """A case and its messages in and out, oldest first, with their attachments (images
    kept as photos, other files refused and why). The ETag is the case's version."""
    conversation = await conversation_of(container.inbox, case_id, principal)
    response.headers["ETag"] = etag_of(conversation.case.version)
    return ConversationOut.of(conversation)


@router.post(
    "/{case_id}/read",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=problem_responses(401, 403, 404, 422),
)
async def mark_conversation_read(
    case_id: UUID, container: ContainerDep, principal: PrincipalDep
) -> Response:
    """Mark the case's incoming messages read."""
    await mark_read(container.context, case_id, principal)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/{case_id}/replies",
    response_model=MessageOut,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(400, 401, 403, 404, 409, 413, 422),
)
async def reply_to_resident(
    case_id: UUID, body: ReplyIn, container: ContainerDep, principal: PrincipalDep
) -> MessageOut:
    """Answer the resident on the channel they wrote from. An email carries the case's
    number in its subject and In-Reply-To/References to their latest message, so their
    answer threads back; the worker sends it. The case's messages count as read. A case
    with no incoming message, or a text conversation whose phone texted STOP, answers 409."""
    message = await answer_case(
        container.context,
        case_id,
        body.body,
        principal,
        template=body.template,
        mail_domain=mail_domain(container.settings),
        stopped=container.sms_opt_outs,
    )
    return MessageOut.of(AuthoredMessage(message, principal.name))


@router.get(
    "/{case_id}/suggestions",
    response_model=SuggestionsOut,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_suggestions(
    case_id: UUID, container: ContainerDep, principal: PrincipalDep, language: LanguageDep
) -> SuggestionsOut:
    """What to prefill a request with: the services the resident's words point to (the
    catalog's keywords and the knowledge base, as triage finds them), the articles, and the
    addresses written in the text as our geocoder knows them."""
    sources = SuggestionSources(
        container.inbox,
        container.knowledge_reads,
        container.catalog,
        container.settings.catalog_languages,
        container.geocoder,
    )
    found = await suggest(
        sources, case_id, principal, answer_language=language, today=today(container)
    )
    return SuggestionsOut.of(found)


@router.post(
    "/{case_id}/request",
    response_model=TurnedOut,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(400, 401, 403, 404, 409, 412, 413, 422),
)
async def turn_into_service_request(
    case_id: UUID,
    body: InboxRequestIn,
    container: ContainerDep,
    principal: PrincipalDep,
    if_match: IfMatchDep,
    response: Response,
) -> TurnedOut:
    """Open a service request from the message (the reporter is the linked resident or the
    sender). The case is linked to it and leaves the Inbox; the message's photos go to the
    request. A case no longer in the Inbox answers 409; a stale If-Match 412."""
    command = TurnIntoRequest(case_id, body.to_command(), if_match)
    turned = await turn_into_request(
        container.context,
        command,
        principal,
        hours=container.hours,
        jurisdictions=container.jurisdictions,
        geocoder=container.geocoder,
    )
    response.headers["Location"] = f"/api/v1/requests/{turned.request.id}"
    response.headers["ETag"] = etag_of(turned.case.version)
    return TurnedOut(case=CaseOut.of(turned.case), request_id=turned.request.id)


@router.post(
    "/{case_id}/close",
    response_model=CaseOut,
    responses=problem_responses(400, 401, 403, 404, 409, 412, 413, 422),
)
async def close_conversation(
    case_id: UUID,
    body: CloseIn,
    container: ContainerDep,
    principal: PrincipalDep,
    if_match: IfMatchDep,
    response: Response,
) -> CaseOut:
    """Close the case as an information contact (with the articles that answered it, each
    counting a use), a referral, or other; it leaves the Inbox."""
    command = CloseAsInformation(
        case_id=case_id,
        type=body.type,
        article_ids=tuple(body.article_ids),
        resolved_on_first_contact=body.resolved_on_first_contact,
        referral=body.referral.to_domain() if body.referral else None,
        if_match=if_match,
    )
    case = await close_as_information(container.context, command, principal)
    response.headers["ETag"] = etag_of(case.version)
    return CaseOut.of(case)

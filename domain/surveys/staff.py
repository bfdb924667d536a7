"""Staff read a request's survey answer, comment included: the comment is theirs only."""

from domain.directory.permissions import Principal
from domain.requests.visibility import seen_by
from domain.shared.context import Context
from domain.shared.errors import Forbidden, NotFound
from domain.surveys.model import Answer
from domain.surveys.ports import SurveysUnitOfWork

MAX_ID_LENGTH = 64


async def answer_for_staff(
    context: Context[SurveysUnitOfWork], request_id: str, principal: Principal
) -> Answer:
    """Whoever may see the request sees its answer; a partner system does not (the comment
    is the resident's word to the city). NotFound when the request is hidden or unanswered."""
    if principal.partner:
        raise Forbidden("a partner system does not read survey answers")
    if len(request_id) > MAX_ID_LENGTH or "\x00" in request_id:
        raise NotFound("service request was not found")
    async with context.uow() as work:
        seen_by(principal, await work.requests.get(request_id), request_id)
        answer = await work.surveys.answer_of(request_id)
    if answer is None:
        raise NotFound(f"service request {request_id} has no survey answer")
    return answer

"""The agent's Inbox: the queue, a conversation, and marking it read."""

from uuid import UUID

from domain.contacts.use_cases import require_case_writer
from domain.directory.permissions import Principal
from domain.inbox.ports import InboxUnitOfWork
from domain.inbox.queries import MAX_PAGE, Conversation, InboxFilter, InboxPage, InboxReads
from domain.inbox.reply_templates import ReplyTemplate, reply_templates
from domain.shared.context import Context
from domain.shared.errors import NotFound, ValidationFailed


async def inbox_queue(reads: InboxReads, f: InboxFilter, principal: Principal) -> InboxPage:
    """Agents, supervisors and admins work the Inbox; staff of a department do not (its
    messages carry residents' addresses and are not yet about any department)."""
    require_case_writer(principal)
    if not 1 <= f.limit <= MAX_PAGE:
        raise ValidationFailed.single("limit", f"must be from 1 to {MAX_PAGE}")
    return await reads.queue(f)


async def conversation_of(reads: InboxReads, case_id: UUID, principal: Principal) -> Conversation:
    """A case and its messages in and out, oldest first: in the Inbox or not, since a case
    that left it may still be read."""
    require_case_writer(principal)
    conversation = await reads.conversation(case_id)
    if conversation is None:
        raise NotFound(f"case {case_id} was not found")
    return conversation


async def mark_read(context: Context[InboxUnitOfWork], case_id: UUID, principal: Principal) -> int:
    """The case's unread incoming messages are read now; how many were."""
    require_case_writer(principal)
    async with context.uow() as uow:
        if await uow.cases.get(case_id) is None:
            raise NotFound(f"case {case_id} was not found")
        marked = await uow.messages.mark_read(case_id, context.clock.now())
        await uow.commit()
    return marked


def templates_for(language: str | None, principal: Principal) -> tuple[ReplyTemplate, ...]:
    """The reply templates in the resident's language (English when we have none in it)."""
    require_case_writer(principal)
    return reply_templates(language)

"""An agent's reply from the Inbox, perhaps started from a template."""

from uuid import UUID

from domain.directory.permissions import Principal
from domain.inbox.model import Message
from domain.inbox.outbound import Outgoing, reply_to_case
from domain.inbox.ports import InboxUnitOfWork
from domain.inbox.reply_templates import reply_template
from domain.notifications.ports import OptOutList
from domain.shared.context import Context


async def answer_case(
    context: Context[InboxUnitOfWork],
    case_id: UUID,
    body: str,
    principal: Principal,
    *,
    template: str | None = None,
    mail_domain: str,
    stopped: OptOutList,
) -> Message:
    """Send the agent's text to the resident, on the channel they wrote from, threaded
    (see `reply_to_case`). `template` names the template the text started from: it must be
    one we offer."""
    if template is not None:
        reply_template(template, None)  # every language offers the same keys
    return await reply_to_case(
        context, case_id, Outgoing(body), principal, mail_domain=mail_domain, stopped=stopped
    )

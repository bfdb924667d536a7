"""Decide, once per closed request, whether its reporter is asked; publish `survey.due` if so.

The decision and the event commit together, and the decision is keyed by the request, so two
scans at once, or a scan run again after a crash, ask nobody twice. The message itself goes
from the event's subscriber (notifier.py), through the outbox like every resident message.
"""

from datetime import datetime

from domain.notifications.ports import Channel, OptOutList
from domain.notifications.recipients import Addressee, addressee_for
from domain.requests.model import ServiceRequest
from domain.shared.context import Context
from domain.shared.events import Event, EventType
from domain.surveys.model import Invitation, SurveyPolicy
from domain.surveys.ports import SurveyCandidates, SurveysUnitOfWork

NO_CONTACT = "no_contact"  # anonymous, or a resident who chose `none`
OPTED_OUT = "opted_out"


async def invite_all_due(
    context: Context[SurveysUnitOfWork],
    *,
    candidates: SurveyCandidates,
    policy: SurveyPolicy,
    opt_outs: OptOutList,
) -> int:
    """The survey scan; returns how many reporters it asked."""
    due = await candidates.due(policy, context.clock.now())
    asked = 0
    for request_id in due:
        asked += await invite(context, request_id, policy=policy, opt_outs=opt_outs)
    return asked


async def invite(
    context: Context[SurveysUnitOfWork],
    request_id: str,
    *,
    policy: SurveyPolicy,
    opt_outs: OptOutList,
) -> bool:
    """Whether it asked: not when the request is not due (reopened, merged, too recent), had
    its decision already, or its reporter cannot be asked (then that is recorded, once)."""
    now = context.clock.now()
    async with context.uow() as work:
        request = await work.requests.get(request_id, for_update=True)
        if request is None or not policy.is_due(request, now):
            return False
        resident = None
        if request.resident_id is not None:
            resident = await work.residents.get(request.resident_id)
        to = addressee_for(request, resident)
        invitation = await _decide(request_id, to, opt_outs, now)
        if not await work.surveys.invite(invitation):
            return False
        if invitation.channel is not None:
            await work.events.publish(_due_event(request, invitation, now))
        await work.commit()
    return invitation.channel is not None


async def _decide(
    request_id: str, to: Addressee | None, opt_outs: OptOutList, now: datetime
) -> Invitation:
    if to is None:
        return Invitation(request_id, now, None, NO_CONTACT)
    if to.channel is Channel.EMAIL and await opt_outs.has(to.address):
        return Invitation(request_id, now, None, OPTED_OUT)
    return Invitation(request_id, now, to.channel.value)


def _due_event(request: ServiceRequest, invitation: Invitation, at: datetime) -> Event:
    """No personal data: the channel the survey goes by, nothing about the reporter."""
    return Event(
        EventType.SURVEY_DUE,
        request.id,
        at,
        department_code=request.department_code,
        service_code=request.service_code,
        data={"channel": invitation.channel},
    )

"""Requests from the residents' public web form: the same `open_request` as every channel."""

from dataclasses import replace

from domain.addresses.ports import Geocoder
from domain.guards.errors import Refused
from domain.guards.use_cases import BotCheck, FormSubmission, pass_bot_check
from domain.jurisdictions.ports import JurisdictionResolver
from domain.requests.model import ServiceRequest
from domain.requests.ports import RequestsUnitOfWork
from domain.requests.submission import SubmitServiceRequest, open_request
from domain.shared.context import Context
from domain.shared.sla import BusinessHours
from domain.shared.vocabulary import Actor, Channel

WEB_FORM = Actor(None, "Residents' web form")  # the public client: no user, no secret


async def submit_public_request(
    context: Context[RequestsUnitOfWork],
    command: SubmitServiceRequest,
    sent: FormSubmission,
    *,
    bot_check: BotCheck,
    hours: BusinessHours,
    jurisdictions: JurisdictionResolver,
    geocoder: Geocoder,
) -> ServiceRequest:
    """Open a request sent by a resident from the web (channel `web`); see `open_request`.

    - The form passes the bot check (domain/guards): its challenge is spent then.
    - Contact details may be left out only where the service allows anonymous reports.
    - Everything is written in one transaction: a refused request leaves nothing behind.
    """
    await pass_bot_check(sent, bot_check, context.clock)
    async with context.uow() as uow:
        service = await uow.services.get(command.service_code)
        anonymous = command.reporter.is_anonymous
        if service is not None and service.active and anonymous and not service.anonymous_allowed:
            raise Refused("contact", "contact_required", "this service needs your contact")
        request = await open_request(
            context,
            uow,
            replace(command, channel=Channel.WEB),
            WEB_FORM,
            hours=hours,
            jurisdictions=jurisdictions,
            geocoder=geocoder,
        )
        await uow.commit()
    return request

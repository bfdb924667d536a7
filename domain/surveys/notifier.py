"""The invitation itself: an EventSubscriber of `survey.due` that writes to the reporter once.

The reporter is looked up again when the event is handled: one who chose `none` or opted out
since the decision hears nothing. The link is signed when it is sent, so it expires
`lifetime` after the message, not after the decision.
"""

from dataclasses import dataclass

from domain.notifications.ports import (
    Channel,
    Delivery,
    DeliveryLog,
    NotificationsUnitOfWork,
    OptOutList,
)
from domain.notifications.recipients import Addressee, addressee_for
from domain.notifications.residents import ResidentOutlet, service_name_in
from domain.shared.context import Context
from domain.shared.events import Event, EventType
from domain.surveys.model import HIGHEST, LOWEST
from domain.surveys.tokens import SurveyTokens

KIND = "survey"


@dataclass(frozen=True)
class SurveyLinks:
    """`page_url` is the resident page, with `{token}` replaced by the signed token."""

    page_url: str

    def page(self, token: str, score: int | None = None) -> str:
        url = self.page_url.replace("{token}", token)
        return url if score is None else f"{url}?score={score}"


class SurveyNotifier:
    def __init__(
        self,
        context: Context[NotificationsUnitOfWork],
        log: DeliveryLog,
        outlet: ResidentOutlet,
        opt_outs: OptOutList,
        tokens: SurveyTokens,
        links: SurveyLinks,
    ) -> None:
        self._uow, self._clock, self._log, self._outlet = context.uow, context.clock, log, outlet
        self._opt_outs, self._tokens, self._links = opt_outs, tokens, links

    def hears(self, event: Event) -> bool:
        return event.type is EventType.SURVEY_DUE

    async def handle(self, event: Event) -> None:
        if not self.hears(event):
            return
        found = await self._reporter(event.subject)
        if found is None:
            return
        to, service = found
        if to.channel is Channel.EMAIL and await self._opt_outs.has(to.address):
            return
        delivery = Delivery(
            key=f"survey:{event.subject}",  # one survey per request, whatever the events
            event_id=event.id,
            request_id=event.subject,
            kind=KIND,
            channel=to.channel,
            at=self._clock.now(),
        )
        async with self._log.claim(delivery) as new:
            if new:
                await self._outlet.send(delivery, to, self._values(event.subject, service))

    async def _reporter(self, request_id: str) -> tuple[Addressee, str] | None:
        async with self._uow() as work:
            request = await work.requests.get(request_id)
            if request is None:
                return None
            resident = None
            if request.resident_id is not None:
                resident = await work.residents.get(request.resident_id)
            to = addressee_for(request, resident)
            if to is None:
                return None
            service = await work.services.get(request.service_code)
            name = await service_name_in(work, request, service, to.language)
        return to, name

    def _values(self, request_id: str, service: str) -> dict[str, str]:
        token = self._tokens.issue(request_id, self._clock.now())
        values = {"number": request_id, "service": service, "survey_url": self._links.page(token)}
        for score in range(LOWEST, HIGHEST + 1):
            values[f"score_{score}_url"] = self._links.page(token, score)
        return values

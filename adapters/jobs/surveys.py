"""The survey scan (a pgqueuer schedule): decide once per closed request whether its reporter
is asked, and publish `survey.due` for those who are; the notifier sends from the outbox."""

from domain.notifications.ports import OptOutList
from domain.shared.context import Context
from domain.surveys.invitations import invite_all_due
from domain.surveys.model import SurveyPolicy
from domain.surveys.ports import SurveyCandidates, SurveysUnitOfWork


class SurveyScan:
    def __init__(
        self,
        context: Context[SurveysUnitOfWork],
        candidates: SurveyCandidates,
        policy: SurveyPolicy,
        opt_outs: OptOutList,
    ) -> None:
        self._context, self._candidates = context, candidates
        self._policy, self._opt_outs = policy, opt_outs

    async def run(self) -> int:
        """Returns how many reporters it asked."""
        return await invite_all_due(
            self._context, candidates=self._candidates, policy=self._policy, opt_outs=self._opt_outs
        )

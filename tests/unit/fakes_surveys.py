"""Survey decisions and answers in memory, staged with the unit of work like the SQL ones."""

from dataclasses import dataclass, field, replace

from domain.surveys.model import Answer, Invitation


@dataclass
class SurveyStore:
    invitations: dict[str, Invitation] = field(default_factory=dict)
    answers: dict[str, Answer] = field(default_factory=dict)


class FakeSurveyRepository:
    def __init__(self, committed: SurveyStore) -> None:
        self._committed = committed
        self._writes = SurveyStore()

    def _invitations(self) -> dict[str, Invitation]:
        return {**self._committed.invitations, **self._writes.invitations}

    def _answers(self) -> dict[str, Answer]:
        return {**self._committed.answers, **self._writes.answers}

    async def invite(self, invitation: Invitation) -> bool:
        if invitation.request_id in self._invitations():
            return False
        self._writes.invitations[invitation.request_id] = invitation
        return True

    async def invitation_of(self, request_id: str) -> Invitation | None:
        return self._invitations().get(request_id)

    async def answer_of(self, request_id: str, *, for_update: bool = False) -> Answer | None:
        return self._answers().get(request_id)

    async def add_answer(self, answer: Answer) -> bool:
        if answer.request_id in self._answers():
            return False
        self._writes.answers[answer.request_id] = answer
        return True

    async def add_comment(self, request_id: str, comment: str) -> None:
        found = self._answers()[request_id]
        self._writes.answers[request_id] = replace(found, comment=comment)

    def apply(self) -> None:
        self._committed.invitations.update(self._writes.invitations)
        self._committed.answers.update(self._writes.answers)
        self._writes = SurveyStore()

    def discard(self) -> None:
        self._writes = SurveyStore()

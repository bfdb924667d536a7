"""What the survey needs from the outside: its records, and the closed requests due one."""

from datetime import datetime
from typing import Protocol

from domain.requests.ports import RequestRepository
from domain.residents.ports import ResidentRepository
from domain.shared.events import EventOutbox
from domain.shared.transaction import Transaction
from domain.surveys.model import Answer, Invitation, SurveyPolicy


class SurveyRepository(Protocol):
    async def invite(self, invitation: Invitation) -> bool:
        """Record the request's survey decision; False when it already had one."""
        ...

    async def invitation_of(self, request_id: str) -> Invitation | None: ...

    async def answer_of(self, request_id: str, *, for_update: bool = False) -> Answer | None: ...

    async def add_answer(self, answer: Answer) -> bool:
        """False when the request was answered already (a concurrent answer won)."""
        ...

    async def add_comment(self, request_id: str, comment: str) -> None: ...


class SurveyCandidates(Protocol):
    async def due(self, policy: SurveyPolicy, now: datetime) -> list[str]:
        """Closed requests that may be due a survey and have no decision yet (the use case
        decides), set-based."""
        ...


class SurveysUnitOfWork(Transaction, Protocol):
    requests: RequestRepository
    residents: ResidentRepository
    surveys: SurveyRepository
    events: EventOutbox

from datetime import datetime
from typing import Protocol

from domain.cases.ports import CaseRepository
from domain.directory.ports import CatalogUnitOfWork, UserRepository
from domain.media.ports import PhotoRepository
from domain.requests.escalation import Threshold
from domain.requests.model import ServiceRequest
from domain.requests.nearby import DuplicateCandidates
from domain.requests.submissions import Open311SubmissionRepository
from domain.residents.ports import ResidentsUnitOfWork
from domain.shared.events import EventOutbox
from domain.shared.transaction import Transaction


class RequestRepository(Protocol):
    async def next_id(self, at: datetime) -> str:
        """A fresh reference of the form YY-NNNNNNNN."""
        ...

    async def get(self, request_id: str, *, for_update: bool = False) -> ServiceRequest | None: ...

    async def add(self, request: ServiceRequest) -> None:
        """Insert the request and its pending timeline entries."""
        ...

    async def save(self, request: ServiceRequest, expected_version: int) -> None:
        """Write the changes and pending entries; raise PreconditionFailed on a stale version."""
        ...

    async def save_event_sequence(self, request: ServiceRequest) -> None:
        """Write only the request's event sequence, for an event that changes nothing else
        (request.overdue): no new version, no entry in the change feed."""
        ...


class EscalationLog(Protocol):
    """The thresholds announced, per request: each at most once, ever."""

    async def record(self, request_id: str, threshold: Threshold, at: datetime) -> bool:
        """Note the threshold as announced; False if it already was (a concurrent
        recording waits for the other transaction and then answers False if it committed)."""
        ...


class EscalationUnitOfWork(Transaction, Protocol):
    """What announcing an overdue request touches."""

    requests: RequestRepository
    escalations: EscalationLog
    events: EventOutbox


class RequestsUnitOfWork(CatalogUnitOfWork, ResidentsUnitOfWork, Protocol):
    """What request use cases touch: a submission links its resident, records a case and
    publishes an event in the same transaction."""

    requests: RequestRepository
    users: UserRepository
    photos: PhotoRepository
    cases: CaseRepository
    open311_submissions: Open311SubmissionRepository
    events: EventOutbox
    duplicates: DuplicateCandidates  # open requests a new one may repeat

from datetime import datetime
from typing import Protocol

from domain.cases.ports import CaseRepository
from domain.directory.ports import CatalogUnitOfWork, UserRepository
from domain.media.ports import PhotoRepository
from domain.requests.model import ServiceRequest
from domain.requests.nearby import DuplicateCandidates
from domain.requests.submissions import Open311SubmissionRepository
from domain.residents.ports import ResidentsUnitOfWork
from domain.shared.events import EventOutbox


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

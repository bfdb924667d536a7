from types import TracebackType
from typing import Protocol, Self

from domain.cases.ports import CaseRepository
from domain.directory.api_keys import ApiKeyRepository
from domain.directory.ports import (
    DepartmentRepository,
    ServiceRepository,
    TranslationRepository,
    UserRepository,
)
from domain.jurisdictions.ports import JurisdictionRepository
from domain.knowledge.ports import ArticleRepository, TriageTermRepository
from domain.media.ports import PhotoRepository
from domain.requests.ports import RequestRepository
from domain.requests.submissions import Open311SubmissionRepository
from domain.residents.ports import ResidentRepository
from domain.shared.events import EventOutbox
from domain.webhooks.ports import WebhookRepository


class UnitOfWork(Protocol):
    """One transaction. Only the unit of work commits; leaving without commit rolls back."""

    requests: RequestRepository
    services: ServiceRepository
    departments: DepartmentRepository
    users: UserRepository
    jurisdictions: JurisdictionRepository
    articles: ArticleRepository
    triage_terms: TriageTermRepository
    residents: ResidentRepository
    cases: CaseRepository
    api_keys: ApiKeyRepository
    open311_submissions: Open311SubmissionRepository
    events: EventOutbox
    webhooks: WebhookRepository
    photos: PhotoRepository
    translations: TranslationRepository

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None: ...


class UnitOfWorkFactory(Protocol):
    def __call__(self) -> UnitOfWork: ...

"""The SQL unit of work: one connection, one transaction, repositories bound to it."""

from types import TracebackType
from typing import Self
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncTransaction

from adapters.db.accounts import account_cache
from adapters.db.read_models.duplicates import SqlDuplicateCandidates
from adapters.db.repositories.api_keys import SqlApiKeyRepository, SqlOpen311SubmissionRepository
from adapters.db.repositories.cases import SqlCaseRepository
from adapters.db.repositories.directory import (
    SqlDepartmentRepository,
    SqlServiceRepository,
    SqlUserRepository,
)
from adapters.db.repositories.escalations import SqlEscalationLog
from adapters.db.repositories.followers import SqlFollowerRepository
from adapters.db.repositories.jurisdictions import SqlJurisdictionRepository
from adapters.db.repositories.knowledge import SqlArticleRepository, SqlTriageTermRepository
from adapters.db.repositories.messages import SqlInboxCases, SqlMessageRepository
from adapters.db.repositories.photos import SqlPhotoRepository
from adapters.db.repositories.requests import SqlRequestRepository
from adapters.db.repositories.residents import SqlResidentRepository
from adapters.db.repositories.surveys import SqlSurveyRepository
from adapters.db.repositories.translations import SqlTranslationRepository
from adapters.db.repositories.webhook_deliveries import SqlWebhookDeliveries
from adapters.db.repositories.webhooks import SqlWebhookRepository
from adapters.jobs.outbox import PgQueuerDeliveryQueue, PgQueuerOutbox
from domain.cases.ports import CaseRepository
from domain.directory.api_keys import ApiKeyRepository
from domain.directory.ports import (
    DepartmentRepository,
    ServiceRepository,
    TranslationRepository,
    UserRepository,
)
from domain.inbox.ports import InboxCases, MessageRepository
from domain.jurisdictions.ports import JurisdictionRepository
from domain.knowledge.ports import ArticleRepository, TriageTermRepository
from domain.media.ports import PhotoRepository
from domain.notifications.followers import FollowerRepository
from domain.requests.nearby import DuplicateCandidates
from domain.requests.ports import EscalationLog, RequestRepository
from domain.requests.submissions import Open311SubmissionRepository
from domain.residents.ports import ResidentRepository
from domain.shared.events import EventOutbox
from domain.surveys.ports import SurveyRepository
from domain.webhooks.ports import DeliveryQueue, WebhookDeliveries, WebhookRepository


class SqlUnitOfWork:
    requests: RequestRepository
    escalations: EscalationLog
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
    webhook_deliveries: WebhookDeliveries
    delivery_queue: DeliveryQueue
    photos: PhotoRepository
    translations: TranslationRepository
    duplicates: DuplicateCandidates
    followers: FollowerRepository
    messages: MessageRepository
    inbox_cases: InboxCases
    surveys: SurveyRepository

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._connection: AsyncConnection | None = None
        self._transaction: AsyncTransaction | None = None
        self._accounts = account_cache(engine)
        self._changed_users: set[UUID] = set()

    @property
    def connection(self) -> AsyncConnection:
        """The live connection: background jobs are enqueued on it, inside the transaction."""
        if self._connection is None:
            raise RuntimeError("the unit of work is not open")
        return self._connection

    async def __aenter__(self) -> Self:
        self._connection = await self._engine.connect()
        self._transaction = await self._connection.begin()
        self.requests = SqlRequestRepository(self._connection)
        self.escalations = SqlEscalationLog(self._connection)
        departments = SqlDepartmentRepository(self._connection)
        self.departments = departments
        self.services = SqlServiceRepository(self._connection, departments)
        self.users = SqlUserRepository(self._connection, self._user_changed)
        self.jurisdictions = SqlJurisdictionRepository(self._connection)
        self.articles = SqlArticleRepository(self._connection)
        self.triage_terms = SqlTriageTermRepository(self._connection)
        self.residents = SqlResidentRepository(self._connection)
        self.cases = SqlCaseRepository(self._connection)
        self.api_keys = SqlApiKeyRepository(self._connection)
        self.open311_submissions = SqlOpen311SubmissionRepository(self._connection)
        self.events = PgQueuerOutbox(self._connection)
        self.webhooks = SqlWebhookRepository(self._connection)
        self.webhook_deliveries = SqlWebhookDeliveries(self._connection)
        self.delivery_queue = PgQueuerDeliveryQueue(self._connection)
        self.photos = SqlPhotoRepository(self._connection)
        self.translations = SqlTranslationRepository(self._connection)
        self.duplicates = SqlDuplicateCandidates(self._connection)
        self.followers = SqlFollowerRepository(self._connection)
        self.messages = SqlMessageRepository(self._connection)
        self.inbox_cases = SqlInboxCases(self._connection)
        self.surveys = SqlSurveyRepository(self._connection)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if self._transaction is not None and self._transaction.is_active:
                await self._transaction.rollback()
        finally:
            if self._connection is not None:
                await self._connection.close()
            self._connection = self._transaction = None

    async def commit(self) -> None:
        if self._transaction is None:
            raise RuntimeError("the unit of work is not open")
        await self._transaction.commit()
        for user_id in self._changed_users:  # a read that began before the commit is dropped
            self._accounts.forget(user_id)
        self._changed_users.clear()

    def _user_changed(self, user_id: UUID) -> None:
        self._changed_users.add(user_id)
        self._accounts.forget(user_id)


class SqlUnitOfWorkFactory:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    def __call__(self) -> SqlUnitOfWork:
        return SqlUnitOfWork(self._engine)

"""The whole unit of work: the one place that knows every repository.

It sits above every feature package. Each feature asks only for its own slice (for example
`RequestsUnitOfWork` in domain/requests/ports.py); this protocol joins the slices, so mypy
checks that a unit of work which satisfies it satisfies every feature. The adapters' unit of
work and the test fakes implement it; the composition roots hand it to the use cases.
"""

from typing import Protocol

from domain.cases.ports import CaseRepository
from domain.directory.api_keys import ApiKeyRepository
from domain.directory.ports import (
    DepartmentRepository,
    DirectoryUnitOfWork,
    ServiceRepository,
    TranslationRepository,
    UserRepository,
)
from domain.inbox.ports import InboxCases, InboxUnitOfWork, MessageRepository
from domain.jurisdictions.ports import JurisdictionRepository, JurisdictionsUnitOfWork
from domain.knowledge.ports import ArticleRepository, KnowledgeUnitOfWork, TriageTermRepository
from domain.media.ports import MediaUnitOfWork, PhotoRepository
from domain.notifications.followers import FollowerRepository, FollowersUnitOfWork
from domain.notifications.ports import NotificationsUnitOfWork
from domain.requests.nearby import DuplicateCandidates
from domain.requests.ports import EscalationLog, RequestRepository
from domain.requests.submissions import Open311SubmissionRepository
from domain.residents.ports import ResidentRepository
from domain.shared.events import EventOutbox
from domain.surveys.ports import SurveyRepository, SurveysUnitOfWork
from domain.webhooks.ports import (
    DeliveryQueue,
    WebhookDeliveries,
    WebhookRepository,
    WebhooksUnitOfWork,
)


class UnitOfWork(
    InboxUnitOfWork,
    NotificationsUnitOfWork,
    DirectoryUnitOfWork,
    JurisdictionsUnitOfWork,
    KnowledgeUnitOfWork,
    WebhooksUnitOfWork,
    MediaUnitOfWork,
    FollowersUnitOfWork,
    SurveysUnitOfWork,
    Protocol,
):
    """One transaction over every repository."""

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

"""In-memory fakes of the domain's ports, for unit tests of the use cases.

`FakeStore` plays the database: it holds only *committed* state. A `FakeUnitOfWork` stages
every write (as a private copy) and applies the staged writes to the store on `commit`;
leaving the unit of work without committing throws them away, like a rolled-back
transaction. Reads inside a unit of work see its own staged writes first, then the store.

Objects go in and come out as deep copies, so a use case mutating an entity it loaded
changes nothing until it saves and commits - as with a real database.

Request numbers come from a counter that, like a PostgreSQL sequence, is not rolled back.
"""

from collections.abc import Iterator
from copy import deepcopy
from dataclasses import dataclass, field, replace
from datetime import datetime
from itertools import count
from types import TracebackType
from typing import Generic, Self, TypeVar
from uuid import UUID

from domain.addresses.model import AddressCandidate
from domain.addresses.ports import Geocoder
from domain.cases.model import Case
from domain.cases.ports import CaseRepository
from domain.directory.api_keys import ApiKey, ApiKeyRepository
from domain.directory.catalog import Department, Service
from domain.directory.ports import (
    DepartmentRepository,
    PasswordHasher,
    ServiceRepository,
    UserRepository,
)
from domain.directory.users import User
from domain.jurisdictions.importing import ParsedArea
from domain.jurisdictions.model import (
    Contact,
    Layer,
    Resolution,
    Responsible,
    ResponsibleKind,
    RoutingRule,
)
from domain.jurisdictions.ports import JurisdictionRepository, JurisdictionResolver
from domain.jurisdictions.resolver import ServiceFacts
from domain.knowledge.ports import ArticleRepository, TriageTermRepository
from domain.notifications.followers import Follower
from domain.requests.escalation import Threshold
from domain.requests.model import ServiceRequest, TimelineEntry
from domain.requests.ports import EscalationLog, RequestRepository
from domain.requests.submissions import Open311Submission, Open311SubmissionRepository
from domain.residents.model import Resident
from domain.residents.ports import ResidentRepository
from domain.shared.errors import PreconditionFailed
from domain.shared.events import Event, EventOutbox
from domain.shared.transaction import UnitOfWorkFactory
from domain.unit_of_work import UnitOfWork
from domain.webhooks.model import Subscription
from domain.webhooks.ports import DeliveryQueue, WebhookDeliveries, WebhookRepository
from tests.unit.fakes_duplicates import FakeDuplicateCandidates
from tests.unit.fakes_errors import DuplicateKey
from tests.unit.fakes_followers import FakeFollowerRepository
from tests.unit.fakes_knowledge import FakeKnowledge, KnowledgeStore
from tests.unit.fakes_surveys import FakeSurveyRepository, SurveyStore
from tests.unit.fakes_translations import FakeTranslationRepository, TranslationStore
from tests.unit.fakes_webhooks import DeliveryStore, FakeDeliveryQueue, FakeWebhookDeliveries


@dataclass
class FakeStore:
    """The committed state of the fake database."""

    requests: dict[str, ServiceRequest] = field(default_factory=dict)
    timeline: dict[str, list[TimelineEntry]] = field(default_factory=dict)
    services: dict[str, Service] = field(default_factory=dict)
    departments: dict[str, Department] = field(default_factory=dict)
    users: dict[UUID, User] = field(default_factory=dict)
    residents: dict[UUID, Resident] = field(default_factory=dict)
    cases: dict[UUID, Case] = field(default_factory=dict)
    request_numbers: Iterator[int] = field(default_factory=lambda: count(1))
    jurisdictions: "JurisdictionState" = field(default_factory=lambda: JurisdictionState())
    knowledge: KnowledgeStore = field(default_factory=KnowledgeStore)
    api_keys: dict[UUID, ApiKey] = field(default_factory=dict)
    open311_submissions: dict[str, Open311Submission] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)  # published by committed work, in order
    escalations: dict[tuple[str, str], datetime] = field(default_factory=dict)
    webhooks: dict[UUID, Subscription] = field(default_factory=dict)
    translations: TranslationStore = field(default_factory=TranslationStore)
    followers: dict[UUID, Follower] = field(default_factory=dict)
    webhook_deliveries: DeliveryStore = field(default_factory=DeliveryStore)
    surveys: SurveyStore = field(default_factory=SurveyStore)

    # Seeding helpers: write straight into committed state, as fixtures would.
    def put_department(self, department: Department) -> Department:
        self.departments[department.code] = deepcopy(department)
        return department

    def put_service(self, service: Service) -> Service:
        self.services[service.code] = deepcopy(service)
        return service

    def put_user(self, user: User) -> User:
        self.users[user.id] = deepcopy(user)
        return user

    def put_request(self, request: ServiceRequest) -> ServiceRequest:
        """Store a request as committed; its pending entries become its timeline."""
        stored = deepcopy(request)
        self.timeline.setdefault(stored.id, []).extend(stored.pending_entries)
        stored.pending_entries = []
        self.requests[stored.id] = stored
        return request


K = TypeVar("K")
V = TypeVar("V")


class _Staged(Generic[K, V]):
    """Writes of one unit of work to one table, read through to the committed rows."""

    def __init__(self, committed: dict[K, V]) -> None:
        self._committed = committed
        self.writes: dict[K, V] = {}

    def get(self, key: K) -> V | None:
        row = self.writes.get(key, self._committed.get(key))
        return None if row is None else deepcopy(row)

    def exists(self, key: K) -> bool:
        return key in self.writes or key in self._committed

    def put(self, key: K, row: V) -> None:
        self.writes[key] = deepcopy(row)

    def update(self, key: K, row: V) -> None:
        """As an SQL UPDATE: a row that is not there is not created."""
        if self.exists(key):
            self.put(key, row)

    def rows(self) -> list[V]:
        merged = {**self._committed, **self.writes}
        return [deepcopy(row) for row in merged.values()]

    def apply(self) -> None:
        self._committed.update(self.writes)
        self.writes = {}

    def discard(self) -> None:
        self.writes = {}


class FakeRequestRepository:
    def __init__(self, store: FakeStore) -> None:
        self._store = store
        self._rows = _Staged(store.requests)
        self._entries: dict[str, list[TimelineEntry]] = {}
        self._based_on: dict[str, int] = {}

    async def next_id(self, at: datetime) -> str:
        return f"{at:%y}-{next(self._store.request_numbers):08d}"

    async def get(self, request_id: str, *, for_update: bool = False) -> ServiceRequest | None:
        return self._rows.get(request_id)

    def staged_rows(self) -> list[ServiceRequest]:
        return self._rows.rows()

    async def add(self, request: ServiceRequest) -> None:
        if self._rows.exists(request.id):
            raise DuplicateKey(f"service request {request.id} already exists")
        self._write(request)

    async def save(self, request: ServiceRequest, expected_version: int) -> None:
        current = self._rows.get(request.id)
        if current is None or current.version != expected_version:
            raise PreconditionFailed("the request was changed by someone else; read it again")
        self._based_on.setdefault(request.id, expected_version)
        request.version = expected_version + 1
        self._write(request)

    async def save_event_sequence(self, request: ServiceRequest) -> None:
        current = self._rows.get(request.id)
        if current is not None:
            self._rows.put(request.id, replace(current, event_sequence=request.event_sequence))

    def _write(self, request: ServiceRequest) -> None:
        self._entries.setdefault(request.id, []).extend(request.pending_entries)
        request.pending_entries.clear()
        # Like the SQL row: a request never updated reads back updated when requested.
        self._rows.put(
            request.id, replace(request, updated_at=request.updated_at or request.requested_at)
        )

    def apply(self) -> None:
        for request_id, base in self._based_on.items():
            committed = self._store.requests.get(request_id)
            if committed is None or committed.version != base:
                raise PreconditionFailed("the request was changed by someone else; read it again")
        self._rows.apply()
        for request_id, entries in self._entries.items():
            self._store.timeline.setdefault(request_id, []).extend(entries)
        self._entries, self._based_on = {}, {}

    def discard(self) -> None:
        self._rows.discard()
        self._entries, self._based_on = {}, {}


class FakeServiceRepository:
    def __init__(self, store: FakeStore) -> None:
        self._rows = _Staged(store.services)

    async def get(self, code: str) -> Service | None:
        return self._rows.get(code)

    def staged_rows(self) -> list[Service]:
        return self._rows.rows()

    async def add(self, service: Service) -> None:
        if self._rows.exists(service.code):
            raise DuplicateKey(f"service {service.code} already exists")
        self._rows.put(service.code, service)

    async def save(self, service: Service) -> None:
        self._rows.put(service.code, service)

    def apply(self) -> None:
        self._rows.apply()

    def discard(self) -> None:
        self._rows.discard()


class FakeDepartmentRepository:
    def __init__(self, store: FakeStore) -> None:
        self._rows = _Staged(store.departments)

    async def get(self, code: str) -> Department | None:
        return self._rows.get(code)

    async def add(self, department: Department) -> None:
        if self._rows.exists(department.code):
            raise DuplicateKey(f"department {department.code} already exists")
        self._rows.put(department.code, department)

    async def save(self, department: Department) -> None:
        self._rows.update(department.code, department)

    def apply(self) -> None:
        self._rows.apply()

    def discard(self) -> None:
        self._rows.discard()


class FakeApiKeyRepository:
    def __init__(self, store: FakeStore) -> None:
        self._rows = _Staged(store.api_keys)

    async def get(self, key_id: UUID) -> ApiKey | None:
        return self._rows.get(key_id)

    async def add(self, key: ApiKey) -> None:
        if self._rows.exists(key.id):
            raise DuplicateKey(f"API key {key.id} already exists")
        self._rows.put(key.id, key)

    async def save(self, key: ApiKey) -> None:
        self._rows.put(key.id, key)

    def apply(self) -> None:
        self._rows.apply()

    def discard(self) -> None:
        self._rows.discard()


class FakeOpen311SubmissionRepository:
    def __init__(self, store: FakeStore) -> None:
        self._rows = _Staged(store.open311_submissions)

    async def add(self, submission: Open311Submission) -> None:
        if self._rows.exists(submission.request_id):
            raise DuplicateKey(f"request {submission.request_id} already has a submission")
        self._rows.put(submission.request_id, submission)

    def apply(self) -> None:
        self._rows.apply()

    def discard(self) -> None:
        self._rows.discard()


class FakeUserRepository:
    def __init__(self, store: FakeStore) -> None:
        self._rows = _Staged(store.users)

    async def get(self, user_id: UUID) -> User | None:
        return self._rows.get(user_id)

    async def get_by_email(self, email: str) -> User | None:
        # Exact match, like the SQL repository: the domain normalises emails itself.
        return next((user for user in self._rows.rows() if user.email == email), None)

    async def add(self, user: User) -> None:
        if self._rows.exists(user.id) or await self.get_by_email(user.email) is not None:
            raise DuplicateKey(f"user {user.email} already exists")
        self._rows.put(user.id, user)

    async def add_unless_taken(self, user: User) -> bool:
        if await self.get_by_email(user.email) is not None:
            return False
        await self.add(user)
        return True

    async def save(self, user: User) -> None:
        self._rows.update(user.id, user)

    def apply(self) -> None:
        self._rows.apply()

    def discard(self) -> None:
        self._rows.discard()


@dataclass
class JurisdictionState:
    layers: dict[str, Layer] = field(default_factory=dict)
    areas: dict[int, tuple[str, int, ParsedArea]] = field(default_factory=dict)
    contacts: dict[int, Contact | None] = field(default_factory=dict)
    rules: dict[int, RoutingRule] = field(default_factory=dict)
    changes: int = 0
    carried: list[tuple[str, int]] = field(default_factory=list)
    ids: Iterator[int] = field(default_factory=lambda: count(1))


class FakeJurisdictionRepository:
    """Works on a private copy of the store's jurisdiction state; `apply` publishes it."""

    def __init__(self, store: FakeStore) -> None:
        self._store = store
        self._state = deepcopy(store.jurisdictions)

    async def lock_layer(self, slug: str) -> Layer | None:
        layer = self._state.layers.get(slug)
        if layer is None:
            return None
        copy = deepcopy(layer)
        copy.area_count = sum(
            1 for s, v, _ in self._state.areas.values() if s == slug and v == layer.version
        )
        return copy

    async def add_layer(self, layer: Layer) -> None:
        self._state.layers[layer.slug] = deepcopy(layer)

    async def save_layer(self, layer: Layer) -> None:
        self._state.layers[layer.slug] = deepcopy(layer)

    async def add_areas(self, layer: Layer, areas: list[ParsedArea]) -> None:
        for area in areas:
            self._state.areas[next(self._state.ids)] = (layer.slug, layer.version, area)

    async def carry_over(self, layer: Layer) -> None:
        self._state.carried.append((layer.slug, layer.version))

    async def area_layer(self, area_id: int) -> str | None:
        found = self._state.areas.get(area_id)
        return found[0] if found else None

    async def save_area_contact(self, area_id: int, contact: Contact | None) -> None:
        self._state.contacts[area_id] = contact

    async def add_rule(self, rule: RoutingRule) -> RoutingRule:
        stored = replace(rule, id=next(self._state.ids))
        self._state.rules[stored.id] = stored
        return stored

    async def get_rule(self, rule_id: int) -> RoutingRule | None:
        return self._state.rules.get(rule_id)

    async def save_rule(self, rule: RoutingRule) -> None:
        self._state.rules[rule.id] = rule

    async def delete_rule(self, rule_id: int) -> None:
        del self._state.rules[rule_id]

    async def mark_changed(self) -> None:
        self._state.changes += 1

    def apply(self) -> None:
        self._store.jurisdictions = deepcopy(self._state)

    def discard(self) -> None:
        self._state = deepcopy(self._store.jurisdictions)


class FakeJurisdictions:
    """A resolver whose answer the test sets; by default the service's department serves."""

    def __init__(self, answer: Resolution | None = None) -> None:
        self.answer = answer
        self.asked: list[tuple[float, float, ServiceFacts | None]] = []

    async def resolve(self, lat: float, long: float, service: ServiceFacts | None) -> Resolution:
        self.asked.append((lat, long, service))
        if self.answer is not None:
            return self.answer
        department = service.department if service else None
        return Resolution([], Responsible(ResponsibleKind.DEPARTMENT, department), "served")


class FakeResidentRepository:
    def __init__(self, store: FakeStore) -> None:
        self._rows = _Staged(store.residents)

    async def get(self, resident_id: UUID) -> Resident | None:
        return self._rows.get(resident_id)

    async def find_by_contact(self, emails: list[str], phone_keys: list[str]) -> Resident | None:
        matches = [
            r
            for r in self._rows.rows()
            if set(r.emails) & set(emails) or set(r.phone_keys) & set(phone_keys)
        ]
        return min(matches, key=lambda r: (r.created_at, r.id)) if matches else None

    async def add(self, resident: Resident) -> None:
        if self._rows.exists(resident.id):
            raise DuplicateKey(f"resident {resident.id} already exists")
        self._put(resident)

    async def save(self, resident: Resident) -> None:
        if self._rows.exists(resident.id):  # as an SQL UPDATE: no row, no change
            self._put(resident)

    def _put(self, resident: Resident) -> None:
        # Like the SQL row: a resident never updated reads back updated when created.
        updated_at = resident.updated_at or resident.created_at
        self._rows.put(resident.id, replace(resident, updated_at=updated_at))

    def apply(self) -> None:
        self._rows.apply()

    def discard(self) -> None:
        self._rows.discard()


class FakeCaseRepository:
    def __init__(self, store: FakeStore) -> None:
        self._rows = _Staged(store.cases)

    async def get(self, case_id: UUID, *, for_update: bool = False) -> Case | None:
        return self._rows.get(case_id)

    async def add(self, case: Case) -> None:
        if self._rows.exists(case.id):
            raise DuplicateKey(f"case {case.id} already exists")
        self._put(case)

    async def save(self, case: Case, expected_version: int) -> None:
        stored = self._rows.get(case.id)
        if stored is None or stored.version != expected_version:
            raise PreconditionFailed("the case was changed by someone else; read it again")
        case.version = expected_version + 1
        self._put(case)

    def _put(self, case: Case) -> None:
        # Like the SQL row: a case never updated reads back updated when created.
        self._rows.put(case.id, replace(case, updated_at=case.updated_at or case.created_at))

    def apply(self) -> None:
        self._rows.apply()

    def discard(self) -> None:
        self._rows.discard()


class FakeGeocoder:
    """Knows the addresses the test gives it; reverse answers the nearest within a box."""

    def __init__(self, known: list[AddressCandidate] | None = None) -> None:
        self.known = known or []

    async def search(self, query: str, limit: int = 5) -> list[AddressCandidate]:
        words = query.upper().split()
        return [c for c in self.known if all(w in c.address.upper() for w in words)][:limit]

    async def reverse(
        self, lat: float, long: float, within_m: float = 100.0
    ) -> AddressCandidate | None:
        near = [c for c in self.known if abs(c.lat - lat) + abs(c.long - long) < within_m / 1e5]
        return near[0] if near else None


class FakeWebhookRepository:
    def __init__(self, store: FakeStore) -> None:
        self._rows = _Staged(store.webhooks)
        self._deleted: set[UUID] = set()
        self._store = store

    async def get(self, subscription_id: UUID, *, for_update: bool = False) -> Subscription | None:
        return None if subscription_id in self._deleted else self._rows.get(subscription_id)

    async def add(self, subscription: Subscription) -> None:
        if self._rows.exists(subscription.id) and subscription.id not in self._deleted:
            raise DuplicateKey(f"webhook subscription {subscription.id} already exists")
        self._deleted.discard(subscription.id)
        self._rows.put(subscription.id, subscription)

    async def save(self, subscription: Subscription) -> None:
        if subscription.id not in self._deleted:
            self._rows.update(subscription.id, subscription)

    async def delete(self, subscription_id: UUID) -> None:
        self._deleted.add(subscription_id)

    async def matching(self, event: Event) -> list[Subscription]:
        rows = [r for r in self._rows.rows() if r.id not in self._deleted and r.matches(event)]
        return sorted(rows, key=lambda r: r.id)  # the SQL's ORDER BY

    async def list(self, department_code: str | None) -> list[Subscription]:
        rows = [r for r in self._rows.rows() if r.id not in self._deleted]
        rows.sort(key=lambda r: (r.created_at, r.id))  # the SQL list's ORDER BY
        return [r for r in rows if department_code is None or r.department_code == department_code]

    def apply(self) -> None:
        self._rows.apply()
        for subscription_id in self._deleted:
            self._store.webhooks.pop(subscription_id, None)
        self._deleted.clear()

    def discard(self) -> None:
        self._rows.discard()
        self._deleted.clear()


class FakeEscalationLog:
    """As the SQL table's primary key: a (request, threshold) is recorded once."""

    def __init__(self, store: FakeStore) -> None:
        self._rows = _Staged(store.escalations)

    async def record(self, request_id: str, threshold: Threshold, at: datetime) -> bool:
        key = (request_id, threshold.value)
        if self._rows.exists(key):
            return False
        self._rows.put(key, at)
        return True

    def apply(self) -> None:
        self._rows.apply()

    def discard(self) -> None:
        self._rows.discard()


class FakeOutbox:
    """Events wait with the unit of work and reach the store only when it commits."""

    def __init__(self, store: FakeStore) -> None:
        self._store = store
        self._staged: list[Event] = []

    async def publish(self, event: Event) -> None:
        self._staged.append(event)

    def apply(self) -> None:
        self._store.events.extend(self._staged)
        self._staged = []

    def discard(self) -> None:
        self._staged = []


class FakeUnitOfWork:
    requests: RequestRepository
    escalations: EscalationLog
    services: ServiceRepository
    departments: DepartmentRepository
    users: UserRepository
    jurisdictions: JurisdictionRepository
    articles: ArticleRepository
    residents: ResidentRepository
    cases: CaseRepository
    triage_terms: TriageTermRepository
    api_keys: ApiKeyRepository
    open311_submissions: Open311SubmissionRepository
    events: EventOutbox
    webhooks: WebhookRepository
    webhook_deliveries: WebhookDeliveries
    delivery_queue: DeliveryQueue

    def __init__(self, store: FakeStore) -> None:
        self._requests = FakeRequestRepository(store)
        self._services = FakeServiceRepository(store)
        self._departments = FakeDepartmentRepository(store)
        self._users = FakeUserRepository(store)
        self._jurisdictions = FakeJurisdictionRepository(store)
        self.jurisdictions = self._jurisdictions
        self.requests = self._requests
        self._escalations = FakeEscalationLog(store)
        self.escalations = self._escalations
        self.services = self._services
        self.departments = self._departments
        self.users = self._users
        self._knowledge = FakeKnowledge(store.knowledge)
        self.articles = self._knowledge.articles
        self.triage_terms = self._knowledge.triage_terms
        self._residents = FakeResidentRepository(store)
        self._cases = FakeCaseRepository(store)
        self.residents = self._residents
        self.cases = self._cases
        self._api_keys = FakeApiKeyRepository(store)
        self._open311_submissions = FakeOpen311SubmissionRepository(store)
        self.api_keys = self._api_keys
        self.open311_submissions = self._open311_submissions
        self._events = FakeOutbox(store)
        self.events = self._events
        self._webhooks = FakeWebhookRepository(store)
        self.webhooks = self._webhooks
        self._webhook_deliveries = FakeWebhookDeliveries(store.webhook_deliveries)
        self._delivery_queue = FakeDeliveryQueue(store.webhook_deliveries)
        self.webhook_deliveries = self._webhook_deliveries
        self.delivery_queue = self._delivery_queue
        self.translations = FakeTranslationRepository(store.translations)
        self._followers = FakeFollowerRepository(store.followers)
        self.followers = self._followers
        self._surveys = FakeSurveyRepository(store.surveys)
        self.surveys = self._surveys
        self.duplicates = FakeDuplicateCandidates(
            self._requests.staged_rows, self._services.staged_rows
        )
        self.committed = False
        self.entered = False
        self.exited = False

    async def __aenter__(self) -> Self:
        if self.entered:
            raise RuntimeError("a unit of work is entered once")
        self.entered = True
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # Roll back: whatever was staged since the last commit is dropped.
        self.exited = True
        self._requests.discard()
        self._escalations.discard()
        self._services.discard()
        self._departments.discard()
        self._users.discard()
        self._jurisdictions.discard()
        self._knowledge.discard()
        self._residents.discard()
        self._cases.discard()
        self._api_keys.discard()
        self._open311_submissions.discard()
        self._events.discard()
        self._webhooks.discard()
        self._webhook_deliveries.discard()
        self._delivery_queue.discard()
        self.translations.discard()
        self._followers.discard()
        self._surveys.discard()

    async def commit(self) -> None:
        if not self.entered or self.exited:
            raise RuntimeError("the unit of work is not open")
        self._requests.apply()
        self._escalations.apply()
        self._services.apply()
        self._departments.apply()
        self._users.apply()
        self._jurisdictions.apply()
        self._knowledge.apply()
        self._residents.apply()
        self._cases.apply()
        self._api_keys.apply()
        self._open311_submissions.apply()
        self._events.apply()
        self._webhooks.apply()
        self._followers.apply()
        self._surveys.apply()
        self._webhook_deliveries.apply()
        self._delivery_queue.apply()
        self.translations.apply()
        self.committed = True


class FakeUnitOfWorkFactory:
    """Hands out units of work over one shared store, and remembers each one."""

    def __init__(self, store: FakeStore | None = None) -> None:
        self.store = store if store is not None else FakeStore()
        self.units: list[FakeUnitOfWork] = []

    def __call__(self) -> FakeUnitOfWork:
        unit = FakeUnitOfWork(self.store)
        self.units.append(unit)
        return unit


class FakePasswordHasher:
    """Deterministic and reversible on sight: the hash of "pw" is "hashed:pw"."""

    def __init__(self) -> None:
        self.hashed: list[str] = []

    async def hash(self, password: str) -> str:
        self.hashed.append(password)
        return f"hashed:{password}"

    async def verify(self, password_hash: str, password: str) -> bool:
        return password_hash == f"hashed:{password}"


def _conforms(
    factory: FakeUnitOfWorkFactory,
    hasher: FakePasswordHasher,
    places: FakeJurisdictions,
    geocoder: FakeGeocoder,
) -> tuple[
    UnitOfWorkFactory[UnitOfWork], UnitOfWork, PasswordHasher, JurisdictionResolver, Geocoder
]:
    """Never called: mypy checks here that the fakes satisfy the domain's protocols."""
    return factory, factory(), hasher, places, geocoder

from typing import Protocol
from uuid import UUID

from domain.directory.api_keys import ApiKeyRepository
from domain.directory.catalog import Department, Service
from domain.directory.translations import Subject, SubjectRef, Translation
from domain.directory.users import User
from domain.shared.transaction import Transaction


class DepartmentRepository(Protocol):
    async def get(self, code: str) -> Department | None: ...
    async def add(self, department: Department) -> None: ...
    async def save(self, department: Department) -> None: ...


class ServiceCatalog(Protocol):
    """The catalog as read (not written): every service, named in a language."""

    async def services(
        self, include_inactive: bool = False, language: str | None = None
    ) -> list[Service]: ...


class ServiceRepository(Protocol):
    async def get(self, code: str) -> Service | None: ...
    async def add(self, service: Service) -> None: ...
    async def save(self, service: Service) -> None: ...


class Accounts(Protocol):
    """The accounts access tokens are checked against. `current` may answer from a copy a few
    seconds old (a change made through this process's unit of work is seen at once); `fresh`
    reads the account now."""

    async def current(self, user_id: UUID) -> User | None: ...
    async def fresh(self, user_id: UUID) -> User | None: ...


class UserRepository(Protocol):
    async def get(self, user_id: UUID) -> User | None: ...
    async def get_by_email(self, email: str) -> User | None: ...
    async def add(self, user: User) -> None: ...
    async def add_unless_taken(self, user: User) -> bool:
        """Adds the user unless their email is taken (by a concurrent add too): False then."""
        ...

    async def save(self, user: User) -> None: ...


class PasswordHasher(Protocol):
    """Memory-hard hashing is slow by design: implementations must not block the event loop."""

    async def hash(self, password: str) -> str: ...
    async def verify(self, password_hash: str, password: str) -> bool: ...


class TranslationRepository(Protocol):
    async def subject(self, kind: Subject, key: str) -> SubjectRef | None:
        """The subject when it exists. A referral target is named here by its area's id."""
        ...

    async def get(self, ref: SubjectRef, language: str) -> Translation | None: ...

    async def save(self, ref: SubjectRef, language: str, text: Translation) -> None:
        """Store the language's translation, replacing any earlier one."""
        ...

    async def delete(self, ref: SubjectRef, language: str) -> bool: ...


class CatalogUnitOfWork(Transaction, Protocol):
    """A unit of work that reads the catalog: departments and services."""

    services: ServiceRepository
    departments: DepartmentRepository


class DirectoryUnitOfWork(CatalogUnitOfWork, Protocol):
    """The catalog, staff accounts, API keys and translations."""

    users: UserRepository
    api_keys: ApiKeyRepository
    translations: TranslationRepository

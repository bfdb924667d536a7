from datetime import datetime
from typing import Protocol
from uuid import UUID

from domain.privacy.anonymization import Erased
from domain.residents.model import Resident
from domain.shared.transaction import Transaction
from domain.shared.vocabulary import Actor


class ResidentRepository(Protocol):
    async def get(self, resident_id: UUID) -> Resident | None: ...

    async def find_by_contact(self, emails: list[str], phone_keys: list[str]) -> Resident | None:
        """The resident with one of these emails (case-folded) or phones (digits), oldest first."""
        ...

    async def add(self, resident: Resident) -> None: ...
    async def save(self, resident: Resident) -> None: ...


class ResidentsUnitOfWork(Transaction, Protocol):
    residents: ResidentRepository


class ResidentEraser(Protocol):
    async def erase(self, resident_id: UUID, by: Actor, at: datetime) -> Erased | None:
        """Anonymize the resident everywhere, in one transaction, and leave the internal
        `ERASED_NOTE` on each of their requests' timelines; None when there is no such
        resident."""
        ...

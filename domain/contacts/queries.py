"""What the contact screens read: cases, residents, and a resident's history."""

from dataclasses import dataclass
from typing import Protocol
from uuid import UUID

from domain.cases.model import Case
from domain.cases.queries import CaseFilter
from domain.requests.model import ServiceRequest
from domain.residents.model import Resident


@dataclass(frozen=True)
class ResidentHistory:
    resident: Resident
    cases: list[Case]
    requests: list[ServiceRequest]


class ContactReads(Protocol):
    async def cases(self, f: CaseFilter) -> list[Case]:
        """Newest first."""
        ...

    async def case(self, case_id: UUID, department: str | None = None) -> Case | None: ...

    async def search_residents(self, text: str, limit: int) -> list[Resident]:
        """By name (accent- and case-insensitive), phone digits, email or address."""
        ...

    async def history(self, resident_id: UUID, limit: int = 50) -> ResidentHistory | None: ...

    async def requests_of(
        self, email: str | None, phone: str | None, last_name: str, limit: int
    ) -> list[ServiceRequest]:
        """A resident's requests, by an email or phone of theirs and their last name
        (compared without case or accents)."""
        ...

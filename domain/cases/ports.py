from typing import Protocol
from uuid import UUID

from domain.cases.model import Case


class CaseRepository(Protocol):
    async def get(self, case_id: UUID, *, for_update: bool = False) -> Case | None: ...
    async def add(self, case: Case) -> None: ...

    async def save(self, case: Case, expected_version: int) -> None:
        """Raise PreconditionFailed when the stored version is not `expected_version`."""
        ...

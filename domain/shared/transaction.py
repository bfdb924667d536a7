"""What every unit of work is: one transaction that commits only when told.

Each feature declares, in its own ports, the unit of work it needs (this protocol plus the
repositories it reads and writes), so no feature imports another's repositories through a
shared hub. `domain/unit_of_work.py`, above every feature, joins them into the whole.
"""

from types import TracebackType
from typing import Protocol, Self, TypeVar


class Transaction(Protocol):
    """One transaction. Only the unit of work commits; leaving without commit rolls back."""

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None: ...


Work_co = TypeVar("Work_co", bound=Transaction, covariant=True)


class UnitOfWorkFactory(Protocol[Work_co]):
    """Opens a new unit of work; the type parameter says which repositories it holds."""

    def __call__(self) -> Work_co: ...

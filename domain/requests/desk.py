from dataclasses import dataclass
from typing import Generic, TypeVar

from domain.addresses.ports import Geocoder
from domain.jurisdictions.ports import JurisdictionResolver
from domain.shared.clock import Clock
from domain.shared.sla import BusinessHours
from domain.shared.transaction import Transaction, UnitOfWorkFactory

Work_co = TypeVar("Work_co", bound=Transaction, covariant=True)


@dataclass(frozen=True)
class RequestDesk(Generic[Work_co]):
    """What every request use case needs: transactions, the time, the working calendar, and
    the place services (which jurisdiction, which address).

    The type parameter is the unit of work the caller needs: request use cases ask for a
    `RequestsUnitOfWork`, and features above requests that share the desk ask for theirs."""

    uow: UnitOfWorkFactory[Work_co]
    clock: Clock
    hours: BusinessHours
    jurisdictions: JurisdictionResolver
    geocoder: Geocoder

from dataclasses import dataclass

from domain.addresses.ports import Geocoder
from domain.jurisdictions.ports import JurisdictionResolver
from domain.requests.sla import BusinessHours
from domain.shared.clock import Clock
from domain.shared.unit_of_work import UnitOfWorkFactory


@dataclass(frozen=True)
class RequestDesk:
    """What every request use case needs: transactions, the time, the working calendar, and
    the place services (which jurisdiction, which address)."""

    uow: UnitOfWorkFactory
    clock: Clock
    hours: BusinessHours
    jurisdictions: JurisdictionResolver
    geocoder: Geocoder

"""What tests hand the use cases: a context over the fakes, and the ports taken by keyword.

The request use cases take the place ports as keyword parameters; `**wiring.places` passes
them all.
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TypedDict, TypeVar

from domain.addresses.ports import Geocoder
from domain.directory.ports import PasswordHasher
from domain.jurisdictions.ports import JurisdictionResolver
from domain.media.ports import ImageCleaner, MediaStore, MediaUnitOfWork, RemoteFiles
from domain.shared.clock import Clock, FixedClock
from domain.shared.context import Context
from domain.shared.sla import BusinessHours
from domain.shared.transaction import Transaction, UnitOfWorkFactory
from domain.unit_of_work import UnitOfWork
from tests.unit.fakes import FakeGeocoder, FakeJurisdictions


class Places(TypedDict):
    hours: BusinessHours
    jurisdictions: JurisdictionResolver
    geocoder: Geocoder


@dataclass(frozen=True)
class Wiring:
    context: Context[UnitOfWork]
    hours: BusinessHours
    jurisdictions: JurisdictionResolver = field(default_factory=FakeJurisdictions)
    geocoder: Geocoder = field(default_factory=FakeGeocoder)

    @property
    def places(self) -> Places:
        return Places(hours=self.hours, jurisdictions=self.jurisdictions, geocoder=self.geocoder)


@dataclass(frozen=True)
class MediaWiring:
    """The photo use cases' context, and the ports they take by keyword."""

    context: Context[MediaUnitOfWork]
    store: MediaStore
    cleaner: ImageCleaner
    remote: RemoteFiles


@dataclass(frozen=True)
class DirectoryWiring:
    """The directory use cases' context, and the password hasher the account ones take."""

    context: Context[UnitOfWork]
    hasher: PasswordHasher


Work = TypeVar("Work", bound=Transaction)
TEST_TIME = datetime(2026, 6, 15, 14, 0, tzinfo=UTC)


def context_of(uow: UnitOfWorkFactory[Work], clock: Clock | None = None) -> Context[Work]:
    """A context for use cases that read no time, or whose test fixes it."""
    return Context(uow, clock or FixedClock(TEST_TIME))

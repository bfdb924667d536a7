"""What every use case takes first: a way to open a unit of work, and the time.

The ports a use case needs beyond these (the working calendar, the geocoder, the password
hasher, the photo store...) are its own keyword parameters, so its signature says what it
touches. The type parameter is the unit of work the use case asks for: each feature names
its own slice, and the composition root hands over the whole.
"""

from dataclasses import dataclass
from typing import Generic

from domain.shared.clock import Clock
from domain.shared.transaction import UnitOfWorkFactory, Work_co


@dataclass(frozen=True)
class Context(Generic[Work_co]):
    uow: UnitOfWorkFactory[Work_co]
    clock: Clock

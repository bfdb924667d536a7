"""Each contract runs twice: on the in-memory fakes and on the PostgreSQL unit of work.

The unit tests trust the fakes to behave as the SQL adapters do; these contracts are where
that trust is checked. A contract that passes on one backend and fails on the other is a
divergence to fix (usually in the fake).
"""

from dataclasses import dataclass

import pytest
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.unit_of_work import SqlUnitOfWorkFactory
from domain.shared.transaction import UnitOfWorkFactory
from domain.unit_of_work import UnitOfWork
from tests.unit.fakes import DuplicateKey, FakeUnitOfWorkFactory


@dataclass(frozen=True)
class Backend:
    name: str
    uow: UnitOfWorkFactory[UnitOfWork]
    duplicate_key: type[Exception]  # how this backend refuses a second row with the same key


@pytest.fixture(params=["fake", "postgresql"])
def backend(request: pytest.FixtureRequest) -> Backend:
    if request.param == "fake":
        return Backend("fake", FakeUnitOfWorkFactory(), DuplicateKey)
    engine: AsyncEngine = request.getfixturevalue("seeded")  # demo catalog, no requests
    return Backend("postgresql", SqlUnitOfWorkFactory(engine), IntegrityError)

"""Staff read a request's answer with its comment; partners and other departments do not."""

from uuid import uuid4

import pytest

from domain.directory.permissions import Principal
from domain.directory.users import Role
from domain.shared.clock import FixedClock
from domain.shared.context import Context
from domain.shared.errors import Forbidden, NotFound
from domain.surveys.model import Answer
from domain.surveys.staff import answer_for_staff
from tests.unit.domain.surveys.test_invitations import DUE, closed
from tests.unit.fakes import FakeStore, FakeUnitOfWork, FakeUnitOfWorkFactory

ANSWER = Answer("26-00000001", 2, "phone", "roads", "pothole", DUE, "Took weeks")


def context(store: FakeStore) -> Context[FakeUnitOfWork]:
    return Context(FakeUnitOfWorkFactory(store), FixedClock(DUE))


@pytest.fixture
def store() -> FakeStore:
    store = FakeStore()
    store.put_request(closed())
    store.put_request(closed("26-00000002"))
    store.surveys.answers[ANSWER.request_id] = ANSWER
    return store


def who(role: Role, department: str | None = None, partner: bool = False) -> Principal:
    return Principal(uuid4(), "someone", role, department, partner=partner)


async def test_staff_who_see_the_request_read_its_answer_and_comment(store: FakeStore) -> None:
    found = await answer_for_staff(context(store), "26-00000001", who(Role.AGENT))
    assert found == ANSWER
    with pytest.raises(NotFound):
        await answer_for_staff(context(store), "26-00000002", who(Role.AGENT))


async def test_a_partner_or_another_department_reads_nothing(store: FakeStore) -> None:
    with pytest.raises(Forbidden):
        await answer_for_staff(context(store), "26-00000001", who(Role.STAFF, "roads", True))
    with pytest.raises(NotFound):
        await answer_for_staff(context(store), "26-00000001", who(Role.STAFF, "parks"))
    with pytest.raises(NotFound):
        await answer_for_staff(context(store), "26-0\x00", who(Role.ADMIN))

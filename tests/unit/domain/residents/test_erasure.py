"""Who may erase a resident, and what an erasure of nobody answers."""

from datetime import UTC, datetime
from uuid import UUID, uuid4

import pytest

from domain.directory.permissions import Principal
from domain.directory.users import Role
from domain.privacy.anonymization import Erased
from domain.residents.erasure import erase_resident
from domain.shared.clock import FixedClock
from domain.shared.errors import Forbidden, NotFound
from domain.shared.vocabulary import Actor

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
KNOWN = uuid4()


class FakeEraser:
    def __init__(self) -> None:
        self.erased: list[tuple[UUID, Actor, datetime]] = []

    async def erase(self, resident_id: UUID, by: Actor, at: datetime) -> Erased | None:
        if resident_id != KNOWN:
            return None
        self.erased.append((resident_id, by, at))
        return Erased(requests=2, messages=1)


def principal(role: Role, *, partner: bool = False) -> Principal:
    return Principal(uuid4(), f"A {role.value}", role, "TRN", partner=partner)


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.ADMIN])
async def test_supervisors_and_admins_erase_and_the_eraser_hears_who_and_when(role: Role) -> None:
    eraser = FakeEraser()
    by = principal(role)
    erased = await erase_resident(eraser, FixedClock(NOW), KNOWN, by)
    assert erased == Erased(requests=2, messages=1)
    assert eraser.erased == [(KNOWN, by.actor, NOW)]


@pytest.mark.parametrize(
    "by", [principal(Role.AGENT), principal(Role.STAFF), principal(Role.STAFF, partner=True)]
)
async def test_agents_staff_and_partners_may_not_erase(by: Principal) -> None:
    eraser = FakeEraser()
    with pytest.raises(Forbidden):
        await erase_resident(eraser, FixedClock(NOW), KNOWN, by)
    assert eraser.erased == []


async def test_an_unknown_resident_is_not_found() -> None:
    with pytest.raises(NotFound):
        await erase_resident(FakeEraser(), FixedClock(NOW), uuid4(), principal(Role.ADMIN))

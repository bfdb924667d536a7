"""A service's own duplicate radius: set on creation or edit, bounded, and reset to the default."""

from datetime import UTC, datetime

import pytest

from domain.directory.catalog import Department, Service, SlaPolicy
from domain.directory.use_cases import ServiceChanges, create_service, update_service
from domain.directory.users import Role
from domain.shared.clock import FixedClock
from domain.shared.context import Context
from domain.shared.errors import ValidationFailed
from domain.unit_of_work import UnitOfWork
from tests.unit.builders import principal
from tests.unit.fakes import FakeStore, FakeUnitOfWorkFactory

ADMIN = principal(Role.ADMIN)
POTHOLE = Service("pothole", "Pothole", "public-works", SlaPolicy(12))


@pytest.fixture
def context() -> Context[UnitOfWork]:
    store = FakeStore()
    store.put_department(Department("public-works", "Public Works"))
    store.put_service(POTHOLE)
    clock = FixedClock(datetime(2026, 6, 15, tzinfo=UTC))
    return Context(FakeUnitOfWorkFactory(store), clock)


def stored(context: Context[UnitOfWork], code: str = "pothole") -> Service:
    factory = context.uow
    assert isinstance(factory, FakeUnitOfWorkFactory)
    return factory.store.services[code]


async def test_a_radius_is_set_kept_and_reset_to_the_default(context: Context[UnitOfWork]) -> None:
    assert stored(context).duplicate_radius_m is None
    await update_service(context, "pothole", ServiceChanges(duplicate_radius_m=40.0), ADMIN)
    assert stored(context).duplicate_radius_m == 40.0
    await update_service(context, "pothole", ServiceChanges(name="Pothole repair"), ADMIN)
    assert (stored(context).name, stored(context).duplicate_radius_m) == (
        "Pothole repair",
        40.0,
    )
    await update_service(context, "pothole", ServiceChanges(default_duplicate_radius=True), ADMIN)
    assert stored(context).duplicate_radius_m is None


async def test_a_new_service_may_bring_its_radius(context: Context[UnitOfWork]) -> None:
    lights = Service("lights", "Lights", "public-works", SlaPolicy(24), duplicate_radius_m=300)
    await create_service(context, lights, ADMIN)
    assert stored(context, "lights").duplicate_radius_m == 300


@pytest.mark.parametrize("radius", [0.0, -1.0, 2000.01, float("nan")])
async def test_a_radius_out_of_bounds_is_refused(
    context: Context[UnitOfWork], radius: float
) -> None:
    expected = [("duplicate_radius_m", "must be above 0 and at most 2000 metres")]
    with pytest.raises(ValidationFailed) as on_edit:
        await update_service(context, "pothole", ServiceChanges(duplicate_radius_m=radius), ADMIN)
    assert [(e.field, e.message) for e in on_edit.value.errors] == expected
    lights = Service("lights", "Lights", "public-works", SlaPolicy(24), duplicate_radius_m=radius)
    with pytest.raises(ValidationFailed) as on_create:
        await create_service(context, lights, ADMIN)
    assert [(e.field, e.message) for e in on_create.value.errors] == expected
    assert stored(context).duplicate_radius_m is None
    factory = context.uow
    assert isinstance(factory, FakeUnitOfWorkFactory)
    assert "lights" not in factory.store.services

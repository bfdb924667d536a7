"""Department, service and user repositories on the real PostgreSQL."""

from datetime import UTC, datetime, timedelta, timezone
from uuid import UUID

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.read_models.directory import DirectoryReadModel
from adapters.db.tables.directory import services, users
from adapters.db.unit_of_work import SqlUnitOfWork
from domain.directory.catalog import (
    AttributeDefinition,
    AttributeOption,
    Datatype,
    Department,
    Service,
    SlaPolicy,
)
from domain.directory.users import Role, Tier, User
from domain.shared.sla import SlaCalendar
from tests.integration.builders import STAFF_ID

pytestmark = pytest.mark.usefixtures("seeded")

ATTRIBUTES = [
    AttributeDefinition(
        code="size",
        datatype=Datatype.SINGLE,
        description="How big is it?",
        variable=True,
        required=True,
        order=1,
        datatype_description="Pick one",
        values=(AttributeOption("small", "Small"), AttributeOption("large", "Large")),
    ),
    AttributeDefinition(
        code="kinds",
        datatype=Datatype.MULTI,
        description="What kinds?",
        order=2,
        values=(AttributeOption("a", "Kind A"), AttributeOption("b", 'Kind "B" ü')),
    ),
    AttributeDefinition("count", Datatype.NUMBER, "How many?", required=False, order=3),
    AttributeDefinition("seen_at", Datatype.DATETIME, "When?", order=4),
    AttributeDefinition("plate", Datatype.STRING, "Plate", order=5, datatype_description="ABC"),
    AttributeDefinition("details", Datatype.TEXT, "Tell us more", order=6),
    AttributeDefinition("notice", Datatype.STRING, "Read this first", variable=False, order=0),
]

ATTRIBUTES_JSON = [
    {
        "code": "size",
        "datatype": "singlevaluelist",
        "description": "How big is it?",
        "variable": True,
        "required": True,
        "order": 1,
        "datatype_description": "Pick one",
        "values": [{"key": "small", "name": "Small"}, {"key": "large", "name": "Large"}],
    },
    {
        "code": "kinds",
        "datatype": "multivaluelist",
        "description": "What kinds?",
        "variable": True,
        "required": False,
        "order": 2,
        "datatype_description": "",
        "values": [{"key": "a", "name": "Kind A"}, {"key": "b", "name": 'Kind "B" ü'}],
    },
    {
        "code": "count",
        "datatype": "number",
        "description": "How many?",
        "variable": True,
        "required": False,
        "order": 3,
        "datatype_description": "",
        "values": [],
    },
    {
        "code": "seen_at",
        "datatype": "datetime",
        "description": "When?",
        "variable": True,
        "required": False,
        "order": 4,
        "datatype_description": "",
        "values": [],
    },
    {
        "code": "plate",
        "datatype": "string",
        "description": "Plate",
        "variable": True,
        "required": False,
        "order": 5,
        "datatype_description": "ABC",
        "values": [],
    },
    {
        "code": "details",
        "datatype": "text",
        "description": "Tell us more",
        "variable": True,
        "required": False,
        "order": 6,
        "datatype_description": "",
        "values": [],
    },
    {
        "code": "notice",
        "datatype": "string",
        "description": "Read this first",
        "variable": False,
        "required": False,
        "order": 0,
        "datatype_description": "",
        "values": [],
    },
]


def a_service(**changes: object) -> Service:
    fields: dict[str, object] = {
        "code": "test-graffiti",
        "type_name": "TST-Graffiti",
        "name": "Graffiti (test)",
        "department_code": "solid-waste",
        "sla": SlaPolicy(36.5, SlaCalendar.ALWAYS, False),
        "description": "Paint on public property",
        "group": "Cleanliness",
        "keywords": ["graffiti", "tag", "paint, spray", "ü"],
        "active": True,
        "attributes": list(ATTRIBUTES),
    }
    fields.update(changes)
    return Service(**fields)  # type: ignore[arg-type]


def a_user(**changes: object) -> User:
    fields: dict[str, object] = {
        "id": UUID("00000000-0000-4000-8000-000000000001"),
        "email": "new.staff@example.org",
        "display_name": "New Staff",
        "role": Role.STAFF,
        "password_hash": "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA",
        "created_at": datetime(2026, 3, 2, 9, 30, 15, 250000, tzinfo=UTC),
        "department_code": "health",
        "tier": Tier.EMPLOYEE,
        "active": True,
        "token_version": 0,
    }
    fields.update(changes)
    return User(**fields)  # type: ignore[arg-type]


async def test_department_add_get_save_round_trip(seeded: AsyncEngine) -> None:
    department = Department("permits", "Permits & Licences", "permits@example.org", "311")
    async with SqlUnitOfWork(seeded) as uow:
        await uow.departments.add(department)
        await uow.commit()

    async with SqlUnitOfWork(seeded) as uow:
        assert await uow.departments.get("permits") == department
        assert await uow.departments.get("nope") is None
        await uow.departments.save(Department("permits", "Permits", None, None))
        await uow.commit()

    async with SqlUnitOfWork(seeded) as uow:
        assert await uow.departments.get("permits") == Department("permits", "Permits")
        assert await uow.departments.get("bge") == Department("bge", "BGE")


async def test_a_duplicate_department_code_is_refused(seeded: AsyncEngine) -> None:
    with pytest.raises(IntegrityError, match="pk_departments"):
        async with SqlUnitOfWork(seeded) as uow:
            await uow.departments.add(Department("bge", "Another BGE"))
    async with SqlUnitOfWork(seeded) as uow:
        assert await uow.departments.get("bge") == Department("bge", "BGE")


async def test_service_add_get_round_trip_with_every_attribute_type(seeded: AsyncEngine) -> None:
    async with SqlUnitOfWork(seeded) as uow:
        await uow.services.add(a_service())
        await uow.commit()

    async with SqlUnitOfWork(seeded) as uow:
        loaded = await uow.services.get("test-graffiti")
        raw = (
            await uow.connection.execute(
                select(services.c.attributes, services.c.keywords).where(
                    services.c.code == "test-graffiti"
                )
            )
        ).one()
    assert loaded == a_service()
    assert loaded is not None
    assert loaded.attributes[1].values == (
        AttributeOption("a", "Kind A"),
        AttributeOption("b", 'Kind "B" ü'),
    )
    assert raw.attributes == ATTRIBUTES_JSON
    assert raw.keywords == ["graffiti", "tag", "paint, spray", "ü"]


async def test_service_with_no_keywords_and_no_attributes(seeded: AsyncEngine) -> None:
    bare = Service("test-bare", "Bare", "health", SlaPolicy(1.0))
    async with SqlUnitOfWork(seeded) as uow:
        await uow.services.add(bare)
        await uow.commit()
    async with SqlUnitOfWork(seeded) as uow:
        loaded = await uow.services.get("test-bare")
    assert loaded == Service(
        code="test-bare",
        name="Bare",
        department_code="health",
        sla=SlaPolicy(1.0, SlaCalendar.BUSINESS, True),
        type_name="",
        description="",
        group="",
        keywords=[],
        active=True,
        attributes=[],
    )


async def test_service_save_replaces_every_field(seeded: AsyncEngine) -> None:
    async with SqlUnitOfWork(seeded) as uow:
        await uow.services.add(a_service())
        await uow.commit()

    changed = a_service(
        type_name="TST-Graffiti-2",
        name="Graffiti removal",
        description="",
        group="Streets",
        keywords=[],
        department_code="transportation",
        active=False,
        sla=SlaPolicy(9.0, SlaCalendar.BUSINESS, True),
        attributes=[ATTRIBUTES[3], ATTRIBUTES[0]],
    )
    async with SqlUnitOfWork(seeded) as uow:
        await uow.services.save(changed)
        await uow.commit()

    async with SqlUnitOfWork(seeded) as uow:
        loaded = await uow.services.get("test-graffiti")
        raw = (
            await uow.connection.execute(
                select(services.c.attributes).where(services.c.code == "test-graffiti")
            )
        ).scalar_one()
    assert loaded == changed
    assert raw == [ATTRIBUTES_JSON[3], ATTRIBUTES_JSON[0]]
    assert "test-graffiti" not in [s.code for s in await DirectoryReadModel(seeded).services()]
    every = await DirectoryReadModel(seeded).services(include_inactive=True)
    assert "test-graffiti" in [s.code for s in every]


async def test_a_service_needs_an_existing_department(seeded: AsyncEngine) -> None:
    with pytest.raises(IntegrityError, match="fk_services_department_code_departments"):
        async with SqlUnitOfWork(seeded) as uow:
            await uow.services.add(a_service(department_code="no-such-department"))
    async with SqlUnitOfWork(seeded) as uow:
        assert await uow.services.get("test-graffiti") is None


async def test_user_add_get_save_round_trip(seeded: AsyncEngine) -> None:
    user = a_user()
    async with SqlUnitOfWork(seeded) as uow:
        await uow.users.add(user)
        await uow.commit()

    async with SqlUnitOfWork(seeded) as uow:
        assert await uow.users.get(user.id) == a_user()
        assert await uow.users.get_by_email("new.staff@example.org") == a_user()
        assert await uow.users.get_by_email("NEW.STAFF@example.org") is None
        assert await uow.users.get(UUID(int=0)) is None

    user.place(Role.SUPERVISOR, "health", Tier.MANAGER)  # non-staff drop dept and tier
    user.display_name = "Promoted"
    user.deactivate()
    user.set_password_hash("$argon2id$other")
    async with SqlUnitOfWork(seeded) as uow:
        await uow.users.save(user)
        await uow.commit()

    async with SqlUnitOfWork(seeded) as uow:
        loaded = await uow.users.get(user.id)
    assert loaded == a_user(
        role=Role.SUPERVISOR,
        department_code=None,
        tier=None,
        display_name="Promoted",
        active=False,
        token_version=2,
        password_hash="$argon2id$other",
    )
    assert loaded is not None
    assert loaded.created_at == datetime(2026, 3, 2, 9, 30, 15, 250000, tzinfo=UTC)


async def test_user_created_at_keeps_the_instant_of_an_offset_datetime(
    seeded: AsyncEngine,
) -> None:
    created = datetime(2026, 3, 2, 4, 30, tzinfo=timezone(timedelta(hours=-5)))
    async with SqlUnitOfWork(seeded) as uow:
        await uow.users.add(a_user(created_at=created))
        await uow.commit()
    async with SqlUnitOfWork(seeded) as uow:
        loaded = await uow.users.get(UUID("00000000-0000-4000-8000-000000000001"))
    assert loaded is not None
    assert loaded.created_at == datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


async def test_demo_user_reads_back_with_role_department_and_tier(seeded: AsyncEngine) -> None:
    async with SqlUnitOfWork(seeded) as uow:
        staff = await uow.users.get(STAFF_ID)
    assert staff is not None
    assert (staff.email, staff.role, staff.department_code, staff.tier) == (
        "staff@example.org",
        Role.STAFF,
        "transportation",
        Tier.EMPLOYEE,
    )


async def test_email_is_unique(seeded: AsyncEngine) -> None:
    async with SqlUnitOfWork(seeded) as uow:
        await uow.users.add(a_user())
        await uow.commit()

    twin = a_user(id=UUID("00000000-0000-4000-8000-000000000002"), display_name="Twin")
    with pytest.raises(IntegrityError, match="uq_users_email") as refused:
        async with SqlUnitOfWork(seeded) as uow:
            await uow.users.add(twin)
    assert refused.value.orig.sqlstate == "23505"  # type: ignore[union-attr]

    with pytest.raises(IntegrityError, match="uq_users_email"):
        async with SqlUnitOfWork(seeded) as uow:
            other = a_user(id=UUID("00000000-0000-4000-8000-000000000003"))
            other.email = "admin@example.org"
            await uow.users.add(other)

    async with seeded.connect() as db:
        rows = await db.execute(select(users.c.display_name).where(users.c.email.like("new%")))
        assert rows.scalars().all() == ["New Staff"]


async def test_saving_a_user_onto_a_taken_email_is_refused(seeded: AsyncEngine) -> None:
    async with SqlUnitOfWork(seeded) as uow:
        await uow.users.add(a_user())
        await uow.commit()

    async with SqlUnitOfWork(seeded) as uow:
        user = await uow.users.get(UUID("00000000-0000-4000-8000-000000000001"))
        assert user is not None
        user.email = "agent@example.org"
        with pytest.raises(IntegrityError, match="uq_users_email"):
            await uow.users.save(user)

    async with SqlUnitOfWork(seeded) as uow:
        unchanged = await uow.users.get(UUID("00000000-0000-4000-8000-000000000001"))
    assert unchanged == a_user()


async def test_directory_read_model_orders_and_filters(seeded: AsyncEngine) -> None:
    directory = DirectoryReadModel(seeded)
    departments = await directory.departments()
    assert [d.name for d in departments] == sorted(d.name for d in departments)
    assert len(departments) == 8

    emails = [u.email for u in await directory.users()]
    assert emails == [
        "admin@example.org",
        "agent@example.org",
        "manager@example.org",
        "staff@example.org",
        "supervisor@example.org",
    ]

    listed = await directory.services()
    assert [(s.group, s.name) for s in listed] == sorted((s.group, s.name) for s in listed)
    assert await directory.service("trm-pothole-repair") == next(
        s for s in listed if s.code == "trm-pothole-repair"
    )
    assert await directory.service("nope") is None
    assert (await directory.user(STAFF_ID)) is not None

"""Users, the permission table of every role, and the directory use cases (against fakes)."""

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from uuid import UUID

import pytest

from domain.directory.catalog import (
    AttributeDefinition,
    Datatype,
    Department,
    Service,
    SlaPolicy,
)
from domain.directory.permissions import Principal
from domain.directory.use_cases import (
    CreateUser,
    ServiceChanges,
    UpdateUser,
    authenticate,
    create_department,
    create_service,
    create_user,
    update_service,
    update_user,
)
from domain.directory.users import Role, Tier, User, normalise_email
from domain.shared.clock import FixedClock
from domain.shared.context import Context
from domain.shared.errors import (
    Conflict,
    DomainError,
    Forbidden,
    NotFound,
    Unauthenticated,
    ValidationFailed,
)
from domain.shared.vocabulary import Actor
from tests.unit.builders import principal, user
from tests.unit.fakes import FakePasswordHasher, FakeStore, FakeUnitOfWorkFactory
from tests.unit.wiring import DirectoryWiring

NOW = datetime(2026, 6, 15, 14, 0, tzinfo=UTC)
OWN, OTHER = "public-works", "sanitation"


def field_errors(error: ValidationFailed) -> list[tuple[str, str]]:
    return [(e.field, e.message) for e in error.errors]


# --- User ------------------------------------------------------------------------------------


def test_staff_are_placed_in_a_department_with_a_tier() -> None:
    account = user(1, Role.AGENT)
    account.place(Role.STAFF, OWN, Tier.MANAGER)
    assert (account.role, account.department_code, account.tier) == (
        Role.STAFF,
        OWN,
        Tier.MANAGER,
    )


@pytest.mark.parametrize(("department", "tier"), [(None, Tier.EMPLOYEE), (OWN, None), (None, None)])
def test_staff_without_a_department_or_tier_are_refused(
    department: str | None, tier: Tier | None
) -> None:
    account = user(1, Role.AGENT)
    with pytest.raises(ValidationFailed) as raised:
        account.place(Role.STAFF, department, tier)
    assert field_errors(raised.value) == [("department", "staff need a department and a tier")]
    assert (account.role, account.department_code, account.tier) == (Role.AGENT, None, None)


@pytest.mark.parametrize("role", [Role.ADMIN, Role.SUPERVISOR, Role.AGENT])
def test_other_roles_belong_to_no_department(role: Role) -> None:
    account = user(1, Role.STAFF, OWN, Tier.MANAGER)
    account.place(role, OWN, Tier.MANAGER)
    assert (account.role, account.department_code, account.tier) == (role, None, None)


def test_placing_does_not_touch_the_token_version() -> None:
    account = user(1, Role.AGENT)
    account.place(Role.SUPERVISOR, None, None)
    assert account.token_version == 0


def test_deactivating_revokes_tokens() -> None:
    account = user(1, Role.AGENT)
    account.deactivate()
    assert (account.active, account.token_version) == (False, 1)


def test_setting_a_password_revokes_tokens() -> None:
    account = user(1, Role.AGENT)
    account.set_password_hash("hashed:new password")
    account.set_password_hash("hashed:newer password")
    assert (account.password_hash, account.token_version) == ("hashed:newer password", 2)


def test_emails_are_trimmed_and_lowercased() -> None:
    assert normalise_email("  Ana.Smith@City.Example \n") == "ana.smith@city.example"


# --- Principal: the permission table ---------------------------------------------------------

OK = None
ADMIN = principal(Role.ADMIN)
SUPERVISOR = principal(Role.SUPERVISOR)
AGENT = principal(Role.AGENT)
EMPLOYEE = principal(Role.STAFF, OWN, Tier.EMPLOYEE)
MANAGER = principal(Role.STAFF, OWN, Tier.MANAGER)

ACTIONS: dict[str, Callable[[Principal], None]] = {
    "see own": lambda p: p.require_see(OWN, "26-00000001"),
    "see other": lambda p: p.require_see(OTHER, "26-00000001"),
    "create": lambda p: p.require_create_request(),
    "work own": lambda p: p.require_work(OWN, "26-00000001"),
    "work other": lambda p: p.require_work(OTHER, "26-00000001"),
    "assign own": lambda p: p.require_assign(OWN, None),
    "assign other": lambda p: p.require_assign(OTHER, None),
    "transfer own": lambda p: p.require_transfer(OWN),
    "transfer other": lambda p: p.require_transfer(OTHER),
    "priority own": lambda p: p.require_reprioritise(OWN),
    "priority other": lambda p: p.require_reprioritise(OTHER),
    "catalog write": lambda p: p.require_admin(),
}

F, N = Forbidden, NotFound
TABLE: dict[str, tuple[Principal, dict[str, type[DomainError] | None]]] = {
    "admin": (ADMIN, dict.fromkeys(ACTIONS, OK)),
    "supervisor": (SUPERVISOR, {**dict.fromkeys(ACTIONS, OK), "catalog write": F}),
    "agent": (
        AGENT,
        {
            **dict.fromkeys(ACTIONS, OK),
            "assign own": F,
            "assign other": F,
            "transfer own": F,
            "transfer other": F,
            "catalog write": F,
        },
    ),
    "staff employee": (
        EMPLOYEE,
        {
            "see own": OK,
            "see other": N,
            "create": F,
            "work own": OK,
            "work other": N,
            "assign own": F,
            "assign other": F,
            "transfer own": F,
            "transfer other": F,
            "priority own": F,
            "priority other": F,
            "catalog write": F,
        },
    ),
    "staff manager": (
        MANAGER,
        {
            "see own": OK,
            "see other": N,
            "create": F,
            "work own": OK,
            "work other": N,
            "assign own": OK,
            "assign other": F,
            "transfer own": OK,
            "transfer other": F,
            "priority own": OK,
            "priority other": F,
            "catalog write": F,
        },
    ),
}
CASES = [
    pytest.param(who, action, outcome, id=f"{role}-{action}")
    for role, (who, outcomes) in TABLE.items()
    for action, outcome in outcomes.items()
]


def test_the_table_covers_every_action_for_every_role() -> None:
    assert len(CASES) == 5 * 12
    assert all(set(outcomes) == set(ACTIONS) for _, outcomes in TABLE.values())


@pytest.mark.parametrize(("who", "action", "outcome"), CASES)
def test_permission(who: Principal, action: str, outcome: type[DomainError] | None) -> None:
    if outcome is None:
        ACTIONS[action](who)
    else:
        with pytest.raises(outcome) as raised:
            ACTIONS[action](who)
        assert type(raised.value) is outcome


def test_hidden_requests_are_answered_as_not_found() -> None:
    with pytest.raises(NotFound) as raised:
        EMPLOYEE.require_see(OTHER, "26-00000042")
    assert raised.value.detail == "service request 26-00000042 was not found"


def test_a_manager_assigns_only_people_of_the_department() -> None:
    MANAGER.require_assign(OWN, user(10, Role.STAFF, OWN, Tier.EMPLOYEE))
    for outsider in (user(11, Role.STAFF, OTHER, Tier.EMPLOYEE), user(12, Role.AGENT)):
        with pytest.raises(Forbidden) as raised:
            MANAGER.require_assign(OWN, outsider)
        assert raised.value.detail == "managers assign within their own department"


@pytest.mark.parametrize("who", [ADMIN, SUPERVISOR])
def test_supervisors_and_admins_assign_anyone_anywhere(who: Principal) -> None:
    who.require_assign(OTHER, user(11, Role.STAFF, OWN, Tier.EMPLOYEE))


@pytest.mark.parametrize(
    ("who", "visible"),
    [(ADMIN, None), (SUPERVISOR, None), (AGENT, None), (EMPLOYEE, OWN), (MANAGER, OWN)],
)
def test_visible_department(who: Principal, visible: str | None) -> None:
    assert who.visible_department() == visible
    assert who.can_see(OTHER) is (visible is None)
    assert who.can_see(OWN) is True


def test_only_staff_managers_are_managers() -> None:
    assert MANAGER.is_manager is True
    assert EMPLOYEE.is_manager is False
    assert principal(Role.SUPERVISOR, None, Tier.MANAGER).is_manager is False


def test_a_principal_is_made_from_a_user() -> None:
    account = user(5, Role.STAFF, OWN, Tier.MANAGER)
    made = Principal.of(account)
    assert made == Principal(UUID(int=5), "User 5", Role.STAFF, OWN, Tier.MANAGER)
    assert made.actor == Actor(UUID(int=5), "User 5")


# --- directory use cases ---------------------------------------------------------------------

THE_ADMIN = user(1, Role.ADMIN, email="admin@city.example")
CLERK = user(2, Role.AGENT, email="clerk@city.example", password="clerk-password")
GONE = user(3, Role.AGENT, email="gone@city.example", password="gone-password", active=False)
WORKER = user(4, Role.STAFF, OWN, Tier.EMPLOYEE, email="worker@city.example")


@pytest.fixture
def factory() -> FakeUnitOfWorkFactory:
    store = FakeStore()
    store.put_department(Department(OWN, "Public Works"))
    store.put_department(Department(OTHER, "Sanitation"))
    for account in (THE_ADMIN, CLERK, GONE, WORKER):
        store.put_user(account)
    return FakeUnitOfWorkFactory(store)


@pytest.fixture
def hasher() -> FakePasswordHasher:
    return FakePasswordHasher()


@pytest.fixture
def directory(factory: FakeUnitOfWorkFactory, hasher: FakePasswordHasher) -> DirectoryWiring:
    return DirectoryWiring(Context(factory, FixedClock(NOW)), hasher)


AS_ADMIN = Principal.of(THE_ADMIN)


NEW_STAFF = CreateUser(
    email="  New.Person@City.Example ",
    display_name="  New Person ",
    password="long enough",
    role=Role.STAFF,
    department_code=OWN,
    tier=Tier.EMPLOYEE,
)


async def test_create_user_stores_a_normalised_account(
    directory: DirectoryWiring, factory: FakeUnitOfWorkFactory
) -> None:
    created = await create_user(directory.context, NEW_STAFF, AS_ADMIN, hasher=directory.hasher)
    assert created == User(
        id=created.id,
        email="new.person@city.example",
        display_name="New Person",
        role=Role.STAFF,
        password_hash="hashed:long enough",
        created_at=NOW,
        department_code=OWN,
        tier=Tier.EMPLOYEE,
    )
    assert factory.store.users[created.id] == created
    assert factory.units[-1].committed is True


async def test_create_user_clears_the_department_of_non_staff(
    directory: DirectoryWiring, factory: FakeUnitOfWorkFactory
) -> None:
    created = await create_user(
        directory.context,
        replace(NEW_STAFF, role=Role.SUPERVISOR, tier=Tier.MANAGER),
        AS_ADMIN,
        hasher=directory.hasher,
    )
    stored = factory.store.users[created.id]
    assert (stored.role, stored.department_code, stored.tier) == (Role.SUPERVISOR, None, None)


async def test_a_duplicate_email_is_a_conflict_whatever_its_case(
    directory: DirectoryWiring, factory: FakeUnitOfWorkFactory
) -> None:
    with pytest.raises(Conflict) as raised:
        await create_user(
            directory.context,
            replace(NEW_STAFF, email=" CLERK@city.example"),
            AS_ADMIN,
            hasher=directory.hasher,
        )
    assert raised.value.detail == "a user with email clerk@city.example already exists"
    assert len(factory.store.users) == 4


async def test_staff_without_a_department_are_refused(
    directory: DirectoryWiring, factory: FakeUnitOfWorkFactory
) -> None:
    with pytest.raises(ValidationFailed) as raised:
        await create_user(
            directory.context,
            replace(NEW_STAFF, department_code=None),
            AS_ADMIN,
            hasher=directory.hasher,
        )
    assert field_errors(raised.value) == [("department", "staff need a department and a tier")]
    assert len(factory.store.users) == 4


async def test_staff_in_an_unknown_department_are_refused(
    directory: DirectoryWiring, factory: FakeUnitOfWorkFactory
) -> None:
    with pytest.raises(ValidationFailed) as raised:
        await create_user(
            directory.context,
            replace(NEW_STAFF, department_code="parks"),
            AS_ADMIN,
            hasher=directory.hasher,
        )
    assert field_errors(raised.value) == [("department", "is not a known department")]
    assert len(factory.store.users) == 4


async def test_a_short_password_is_refused(
    directory: DirectoryWiring, factory: FakeUnitOfWorkFactory
) -> None:
    with pytest.raises(ValidationFailed) as raised:
        await create_user(
            directory.context,
            replace(NEW_STAFF, password="1234567"),
            AS_ADMIN,
            hasher=directory.hasher,
        )
    assert field_errors(raised.value) == [("password", "must be at least 8 characters")]
    assert factory.units == []


@pytest.mark.parametrize("by", [SUPERVISOR, AGENT, MANAGER])
async def test_only_admins_create_users(
    by: Principal, directory: DirectoryWiring, factory: FakeUnitOfWorkFactory
) -> None:
    with pytest.raises(Forbidden):
        await create_user(directory.context, NEW_STAFF, by, hasher=directory.hasher)
    assert factory.units == []
    assert len(factory.store.users) == 4


async def test_deactivating_a_user_revokes_their_tokens(
    directory: DirectoryWiring, factory: FakeUnitOfWorkFactory
) -> None:
    updated = await update_user(
        directory.context, UpdateUser(CLERK.id, active=False), AS_ADMIN, hasher=directory.hasher
    )
    assert (updated.active, updated.token_version) == (False, 1)
    stored = factory.store.users[CLERK.id]
    assert (stored.active, stored.token_version) == (False, 1)


async def test_deactivating_an_inactive_user_changes_nothing_more(
    directory: DirectoryWiring, factory: FakeUnitOfWorkFactory
) -> None:
    await update_user(
        directory.context, UpdateUser(GONE.id, active=False), AS_ADMIN, hasher=directory.hasher
    )
    assert factory.store.users[GONE.id].token_version == 0


async def test_reactivating_keeps_the_token_version(
    directory: DirectoryWiring, factory: FakeUnitOfWorkFactory
) -> None:
    await update_user(
        directory.context, UpdateUser(CLERK.id, active=False), AS_ADMIN, hasher=directory.hasher
    )
    await update_user(
        directory.context, UpdateUser(CLERK.id, active=True), AS_ADMIN, hasher=directory.hasher
    )
    stored = factory.store.users[CLERK.id]
    assert (stored.active, stored.token_version) == (True, 1)


async def test_an_admin_cannot_deactivate_themselves(
    directory: DirectoryWiring, factory: FakeUnitOfWorkFactory
) -> None:
    with pytest.raises(Conflict) as raised:
        await update_user(
            directory.context,
            UpdateUser(THE_ADMIN.id, display_name="Renamed", active=False),
            AS_ADMIN,
            hasher=directory.hasher,
        )
    assert raised.value.detail == "administrators cannot deactivate themselves"
    stored = factory.store.users[THE_ADMIN.id]
    assert (stored.active, stored.token_version, stored.display_name) == (True, 0, "User 1")


async def test_resetting_a_password_revokes_tokens(
    directory: DirectoryWiring, factory: FakeUnitOfWorkFactory
) -> None:
    await update_user(
        directory.context,
        UpdateUser(CLERK.id, password="brand new pw"),
        AS_ADMIN,
        hasher=directory.hasher,
    )
    stored = factory.store.users[CLERK.id]
    assert (stored.password_hash, stored.token_version) == ("hashed:brand new pw", 1)


async def test_a_short_new_password_changes_nothing(
    directory: DirectoryWiring, factory: FakeUnitOfWorkFactory
) -> None:
    with pytest.raises(ValidationFailed):
        await update_user(
            directory.context,
            UpdateUser(CLERK.id, display_name="Renamed", password="short"),
            AS_ADMIN,
            hasher=directory.hasher,
        )
    assert factory.store.users[CLERK.id] == CLERK


async def test_moving_a_user_revokes_tokens(
    directory: DirectoryWiring, factory: FakeUnitOfWorkFactory
) -> None:
    command = UpdateUser(WORKER.id, department_code=OTHER, tier=Tier.MANAGER, placement_given=True)
    await update_user(directory.context, command, AS_ADMIN, hasher=directory.hasher)
    stored = factory.store.users[WORKER.id]
    assert (stored.department_code, stored.tier, stored.token_version) == (
        OTHER,
        Tier.MANAGER,
        1,
    )


async def test_moving_a_user_to_an_unknown_department_is_refused(
    directory: DirectoryWiring, factory: FakeUnitOfWorkFactory
) -> None:
    command = UpdateUser(WORKER.id, department_code="parks", placement_given=True)
    with pytest.raises(ValidationFailed) as raised:
        await update_user(directory.context, command, AS_ADMIN, hasher=directory.hasher)
    assert field_errors(raised.value) == [("department", "is not a known department")]
    assert factory.store.users[WORKER.id] == WORKER


async def test_updating_an_unknown_user_is_not_found(directory: DirectoryWiring) -> None:
    with pytest.raises(NotFound):
        await update_user(
            directory.context,
            UpdateUser(UUID(int=404), active=False),
            AS_ADMIN,
            hasher=directory.hasher,
        )


async def test_only_admins_update_users(
    directory: DirectoryWiring, factory: FakeUnitOfWorkFactory
) -> None:
    with pytest.raises(Forbidden):
        await update_user(
            directory.context,
            UpdateUser(CLERK.id, active=False),
            SUPERVISOR,
            hasher=directory.hasher,
        )
    assert factory.store.users[CLERK.id] == CLERK


async def test_authenticate_with_the_right_password(directory: DirectoryWiring) -> None:
    found = await authenticate(
        directory.context, "  Clerk@City.Example", "clerk-password", hasher=directory.hasher
    )
    assert found == CLERK


@pytest.mark.parametrize(
    ("email", "password"),
    [
        ("clerk@city.example", "wrong-password"),
        ("nobody@city.example", "clerk-password"),
        ("gone@city.example", "gone-password"),
    ],
    ids=["wrong password", "unknown email", "inactive user"],
)
async def test_authenticate_gives_one_answer_to_every_failure(
    email: str, password: str, directory: DirectoryWiring
) -> None:
    with pytest.raises(Unauthenticated) as raised:
        await authenticate(directory.context, email, password, hasher=directory.hasher)
    assert raised.value.detail == "wrong email or password"


async def test_an_unknown_email_still_runs_the_hasher(
    directory: DirectoryWiring, hasher: FakePasswordHasher
) -> None:
    with pytest.raises(Unauthenticated):
        await authenticate(
            directory.context, "nobody@city.example", "some password", hasher=directory.hasher
        )
    assert hasher.hashed == ["some password"]


# --- catalog use cases -----------------------------------------------------------------------

TREES = Service("tree-down", "Tree down", OWN, SlaPolicy(8))


async def test_create_department(
    directory: DirectoryWiring, factory: FakeUnitOfWorkFactory
) -> None:
    await create_department(directory.context, Department("parks", "Parks"), AS_ADMIN)
    assert factory.store.departments["parks"] == Department("parks", "Parks")
    with pytest.raises(Conflict):
        await create_department(directory.context, Department("parks", "Parks again"), AS_ADMIN)
    with pytest.raises(ValidationFailed):
        await create_department(directory.context, Department("Parks Dept", "Parks"), AS_ADMIN)
    with pytest.raises(Forbidden):
        await create_department(directory.context, Department("zoo", "Zoo"), SUPERVISOR)
    assert sorted(factory.store.departments) == ["parks", OWN, OTHER]


async def test_create_service(directory: DirectoryWiring, factory: FakeUnitOfWorkFactory) -> None:
    await create_service(directory.context, TREES, AS_ADMIN)
    assert factory.store.services["tree-down"] == TREES
    with pytest.raises(Conflict):
        await create_service(directory.context, TREES, AS_ADMIN)


async def test_create_service_in_an_unknown_department_is_refused(
    directory: DirectoryWiring, factory: FakeUnitOfWorkFactory
) -> None:
    orphan = Service("benches", "Benches", "parks", SlaPolicy(8))
    with pytest.raises(ValidationFailed) as raised:
        await create_service(directory.context, orphan, AS_ADMIN)
    assert field_errors(raised.value) == [("department", "is not a known department")]
    assert factory.store.services == {}


async def test_create_service_checks_the_definitions(
    directory: DirectoryWiring, factory: FakeUnitOfWorkFactory
) -> None:
    broken = Service(
        "benches",
        "Benches",
        OWN,
        SlaPolicy(8),
        attributes=[AttributeDefinition("kind", Datatype.SINGLE, "Kind")],
    )
    with pytest.raises(ValidationFailed) as raised:
        await create_service(directory.context, broken, AS_ADMIN)
    assert field_errors(raised.value) == [("attributes[0].values", "a list datatype needs values")]
    assert factory.units == []


async def test_update_service(directory: DirectoryWiring, factory: FakeUnitOfWorkFactory) -> None:
    factory.store.put_service(TREES)
    updated = await update_service(
        directory.context,
        "tree-down",
        ServiceChanges(department_code=OTHER, active=False),
        AS_ADMIN,
    )
    assert (updated.department_code, updated.active, updated.name) == (OTHER, False, "Tree down")
    assert factory.store.services["tree-down"] == updated
    with pytest.raises(NotFound):
        await update_service(directory.context, "nope", ServiceChanges(active=False), AS_ADMIN)
    with pytest.raises(ValidationFailed):
        await update_service(
            directory.context, "tree-down", ServiceChanges(department_code="x"), AS_ADMIN
        )
    assert factory.store.services["tree-down"].department_code == OTHER

"""API keys: creation rules, hashing, revocation, and what a partner principal may do."""

import hashlib
from datetime import UTC, datetime

import pytest

from domain.directory.api_keys import KeyRole, hash_secret, new_api_key
from domain.directory.catalog import Department
from domain.directory.permissions import Principal
from domain.directory.use_cases import CreateApiKey, create_api_key, revoke_api_key
from domain.directory.users import Role, Tier
from domain.shared.clock import FixedClock
from domain.shared.context import Context
from domain.shared.errors import Forbidden, NotFound, ValidationFailed
from domain.unit_of_work import UnitOfWork
from tests.unit.builders import user
from tests.unit.fakes import FakeStore, FakeUnitOfWorkFactory

NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)
ADMIN = Principal.of(user(1, Role.ADMIN))
SUPERVISOR = Principal.of(user(2, Role.SUPERVISOR))


@pytest.fixture
def context() -> Context[UnitOfWork]:
    store = FakeStore()
    store.put_department(Department("roads", "Roads"))
    return Context(FakeUnitOfWorkFactory(store), FixedClock(NOW))


def test_a_secret_is_256_random_bits_and_only_its_sha256_is_kept() -> None:
    key, secret = new_api_key("Roads WOS", KeyRole.PARTNER, "roads", NOW)
    other, other_secret = new_api_key("Roads WOS", KeyRole.PARTNER, "roads", NOW)
    assert secret.startswith("fd_") and len(secret) == 3 + 43  # 32 bytes, URL-safe base64
    assert secret != other_secret and key.id != other.id
    assert key.secret_hash == hashlib.sha256(secret.encode()).hexdigest() == hash_secret(secret)
    assert secret not in repr(key)


@pytest.mark.parametrize(
    ("name", "role", "department", "field"),
    [
        ("Roads", KeyRole.PARTNER, None, "department_code"),
        ("App", KeyRole.OPEN311, "roads", "department_code"),
        ("  ", KeyRole.OPEN311, None, "name"),
        ("x" * 201, KeyRole.OPEN311, None, "name"),
    ],
)
def test_key_rules(name: str, role: KeyRole, department: str | None, field: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        new_api_key(name, role, department, NOW)
    assert [e.field for e in refused.value.errors] == [field]


async def test_admins_create_and_revoke(context: Context[UnitOfWork]) -> None:
    key, _ = await create_api_key(
        context, CreateApiKey("Roads WOS", KeyRole.PARTNER, "roads"), ADMIN
    )
    assert context.uow.store.api_keys[key.id].active  # type: ignore[attr-defined]
    revoked = await revoke_api_key(context, key.id, ADMIN)
    assert (revoked.active, revoked.revoked_at) == (False, NOW)
    again = await revoke_api_key(context, key.id, ADMIN)
    assert again.revoked_at == NOW  # revoking twice changes nothing


async def test_only_admins_and_only_known_departments(context: Context[UnitOfWork]) -> None:
    with pytest.raises(Forbidden):
        await create_api_key(context, CreateApiKey("x", KeyRole.OPEN311), SUPERVISOR)
    with pytest.raises(ValidationFailed):
        await create_api_key(context, CreateApiKey("x", KeyRole.PARTNER, "nowhere"), ADMIN)
    with pytest.raises(NotFound):
        await revoke_api_key(context, ADMIN.user_id, ADMIN)
    assert context.uow.store.api_keys == {}  # type: ignore[attr-defined]


def test_a_partner_principal_is_its_departments_employee_and_no_more() -> None:
    key, _ = new_api_key("Roads WOS", KeyRole.PARTNER, "roads", NOW)
    partner = Principal.of_partner(key)
    assert partner.partner and partner.visible_department() == "roads"
    assert partner.actor.user_id is None and "Roads WOS" in partner.actor.name
    partner.require_work("roads", "26-1")
    partner.require_set_external_id("roads", "26-1")
    with pytest.raises(NotFound):
        partner.require_work("parks", "26-2")
    refusals = [
        partner.require_create_request,
        partner.require_admin,
        partner.require_person,
        lambda: partner.require_assign("roads", None),
        lambda: partner.require_transfer("roads"),
        lambda: partner.require_reprioritise("roads"),
    ]
    for refusal in refusals:
        with pytest.raises(Forbidden):
            refusal()
    open311_key, _ = new_api_key("App", KeyRole.OPEN311, None, NOW)
    with pytest.raises(Forbidden):
        Principal.of_partner(open311_key)
    manager = Principal.of(user(3, Role.STAFF, "roads", Tier.MANAGER))
    manager.require_person()  # people pass

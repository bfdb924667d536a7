"""Use cases on the catalog, departments and staff accounts. Admins write; everyone reads."""

from dataclasses import dataclass, field, replace
from uuid import UUID, uuid4

from domain.directory.api_keys import ApiKey, KeyRole, new_api_key
from domain.directory.catalog import (
    MAX_RADIUS_M,
    AttributeDefinition,
    Department,
    Service,
    SlaPolicy,
    check_definitions,
    is_slug,
)
from domain.directory.permissions import Principal
from domain.directory.ports import DirectoryUnitOfWork, PasswordHasher
from domain.directory.users import Role, Tier, User, normalise_email
from domain.privacy.public_place import PublicLocation
from domain.shared.context import Context
from domain.shared.errors import Conflict, NotFound, Unauthenticated, ValidationFailed

MIN_PASSWORD = 8


async def create_department(
    context: Context[DirectoryUnitOfWork], department: Department, by: Principal
) -> None:
    """Department codes are URL-safe slugs and unique."""
    by.require_admin()
    if not is_slug(department.code):
        raise ValidationFailed.single("code", "must be a lowercase URL-safe slug")
    async with context.uow() as uow:
        if await uow.departments.get(department.code) is not None:
            raise Conflict(f"department {department.code} already exists")
        await uow.departments.add(department)
        await uow.commit()


async def create_service(
    context: Context[DirectoryUnitOfWork], service: Service, by: Principal
) -> None:
    """Service codes are unique slugs; the department must exist; attributes must be sound."""
    by.require_admin()
    if not is_slug(service.code):
        raise ValidationFailed.single("code", "must be a lowercase URL-safe slug")
    check_definitions(service.attributes)
    _check_duplicate_radius(service)
    async with context.uow() as uow:
        await _require_department(uow, service.department_code)
        if await uow.services.get(service.code) is not None:
            raise Conflict(f"service {service.code} already exists")
        await uow.services.add(service)
        await uow.commit()


@dataclass(frozen=True)
class ServiceChanges:
    name: str | None = None
    type_name: str | None = None
    description: str | None = None
    group: str | None = None
    keywords: list[str] | None = None
    department_code: str | None = None
    active: bool | None = None
    sla: SlaPolicy | None = None
    attributes: list[AttributeDefinition] | None = None
    duplicate_radius_m: float | None = None
    default_duplicate_radius: bool = False  # back to the policy's default radius
    mask_personal_data: bool | None = None
    public_location: PublicLocation | None = None
    open_data_descriptions: bool | None = None
    anonymous_allowed: bool | None = None


async def update_service(
    context: Context[DirectoryUnitOfWork], code: str, changes: ServiceChanges, by: Principal
) -> Service:
    by.require_admin()
    async with context.uow() as uow:
        service = await uow.services.get(code)
        if service is None:
            raise NotFound(f"service {code} was not found")
        given = {k: v for k, v in changes.__dict__.items() if v is not None}
        if given.pop("default_duplicate_radius"):
            given["duplicate_radius_m"] = None
        updated = replace(service, **given)
        check_definitions(updated.attributes)
        _check_duplicate_radius(updated)
        if changes.department_code is not None:
            await _require_department(uow, changes.department_code)
        await uow.services.save(updated)
        await uow.commit()
    return updated


def _check_duplicate_radius(service: Service) -> None:
    radius = service.duplicate_radius_m
    if radius is not None and not 0 < radius <= MAX_RADIUS_M:
        message = f"must be above 0 and at most {MAX_RADIUS_M:g} metres"
        raise ValidationFailed.single("duplicate_radius_m", message)


async def _require_department(uow: DirectoryUnitOfWork, code: str) -> None:
    if await uow.departments.get(code) is None:
        raise ValidationFailed.single("department", "is not a known department")


@dataclass(frozen=True)
class CreateUser:
    email: str
    display_name: str
    password: str
    role: Role
    department_code: str | None = None
    tier: Tier | None = None


async def create_user(
    context: Context[DirectoryUnitOfWork],
    command: CreateUser,
    by: Principal,
    *,
    hasher: PasswordHasher,
) -> User:
    """Emails are unique (case-insensitive); staff need a department and a tier."""
    by.require_admin()
    _check_password(command.password)
    user = User(
        id=uuid4(),
        email=normalise_email(command.email),
        display_name=command.display_name.strip(),
        role=command.role,
        password_hash=await hasher.hash(command.password),
        created_at=context.clock.now(),
    )
    user.place(command.role, command.department_code, command.tier)
    async with context.uow() as uow:
        if await uow.users.get_by_email(user.email) is not None:
            raise Conflict(f"a user with email {user.email} already exists")
        if user.department_code is not None:
            await _require_department(uow, user.department_code)
        await uow.users.add(user)
        await uow.commit()
    return user


@dataclass(frozen=True)
class UpdateUser:
    user_id: UUID
    display_name: str | None = None
    role: Role | None = None
    department_code: str | None = None
    tier: Tier | None = None
    active: bool | None = None
    password: str | None = None
    placement_given: bool = field(default=False)


async def update_user(
    context: Context[DirectoryUnitOfWork],
    command: UpdateUser,
    by: Principal,
    *,
    hasher: PasswordHasher,
) -> User:
    """Deactivating a user or resetting their password revokes their tokens at once."""
    by.require_admin()
    async with context.uow() as uow:
        user = await uow.users.get(command.user_id)
        if user is None:
            raise NotFound(f"user {command.user_id} was not found")
        if command.display_name is not None:
            user.display_name = command.display_name.strip()
        if command.placement_given:
            await _place(uow, user, command)
        if command.active is False and user.active:
            if user.id == by.user_id:
                raise Conflict("administrators cannot deactivate themselves")
            user.deactivate()
        elif command.active is True:
            user.active = True
        if command.password is not None:
            _check_password(command.password)
            user.set_password_hash(await hasher.hash(command.password))
        await uow.users.save(user)
        await uow.commit()
    return user


async def _place(uow: DirectoryUnitOfWork, user: User, command: UpdateUser) -> None:
    role = command.role or user.role
    department = command.department_code if command.department_code else user.department_code
    tier = command.tier or user.tier
    if department is not None and role is Role.STAFF:
        await _require_department(uow, department)
    user.place(role, department, tier)
    user.token_version += 1


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationFailed.single("password", f"must be at least {MIN_PASSWORD} characters")


async def authenticate(
    context: Context[DirectoryUnitOfWork], email: str, password: str, *, hasher: PasswordHasher
) -> User:
    """The same answer for an unknown email and a wrong password."""
    async with context.uow() as uow:
        user = await uow.users.get_by_email(normalise_email(email))
    if user is None:
        await hasher.hash(password)  # spend the same time as a real check
        raise Unauthenticated("wrong email or password")
    if not await hasher.verify(user.password_hash, password) or not user.active:
        raise Unauthenticated("wrong email or password")
    return user


@dataclass(frozen=True)
class CreateApiKey:
    name: str
    role: KeyRole
    department_code: str | None = None


async def create_api_key(
    context: Context[DirectoryUnitOfWork], command: CreateApiKey, by: Principal
) -> tuple[ApiKey, str]:
    """Admins create keys; the secret is returned here once and never again."""
    by.require_admin()
    key, secret = new_api_key(
        command.name, command.role, command.department_code, context.clock.now()
    )
    async with context.uow() as uow:
        if key.department_code is not None:
            await _require_department(uow, key.department_code)
        await uow.api_keys.add(key)
        await uow.commit()
    return key, secret


async def revoke_api_key(
    context: Context[DirectoryUnitOfWork], key_id: UUID, by: Principal
) -> ApiKey:
    """A revoked key stops working at once; it stays listed, for the record."""
    by.require_admin()
    async with context.uow() as uow:
        key = await uow.api_keys.get(key_id)
        if key is None:
            raise NotFound(f"API key {key_id} was not found")
        key.revoke(context.clock.now())
        await uow.api_keys.save(key)
        await uow.commit()
    return key

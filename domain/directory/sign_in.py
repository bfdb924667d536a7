"""Signing in: a throttled email and password, or a token of the city's single sign-on."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import uuid4

from domain.directory.ports import DirectoryUnitOfWork, PasswordHasher
from domain.directory.single_sign_on import ExternalIdentity, Grant, GroupRoles
from domain.directory.use_cases import authenticate
from domain.directory.users import User, normalise_email
from domain.shared.context import Context
from domain.shared.errors import Forbidden, RateLimited, Unauthenticated
from domain.shared.rate_limits import Quota, RateLimiter

# The password hash of an account made by single sign-on: no password ever matches it.
NO_PASSWORD = "!single-sign-on"  # noqa: S105


@dataclass(frozen=True)
class SignInLimits:
    failures_per_user: int
    failures_per_address: int
    window: timedelta


class SignInThrottle:
    """Counts failed sign-ins per email and per client address, each on its own: a throttled
    email or address waits for its window to end (429), and no account is ever locked.

    A try is counted before its password is checked, so a burst of simultaneous tries gets
    no more password checks than the limit; a successful one is taken back."""

    def __init__(self, limiter: RateLimiter, limits: SignInLimits) -> None:
        self._limiter = limiter
        self._limits = limits

    def _keys(self, email: str, address: str) -> list[tuple[str, str, int]]:
        limits = self._limits
        return [
            ("account", _user_key(email), limits.failures_per_user),
            ("address", _address_key(address), limits.failures_per_address),
        ]

    async def count_try(self, email: str, address: str, now: datetime) -> None:
        """Raises RateLimited when the email or the address has used up its tries."""
        window = self._limits.window
        for who, key, limit in self._keys(email, address):
            quota = await self._limiter.peek(key, limit, window, now)
            if quota.remaining == 0:
                raise self._refusal(who, quota)
        for who, key, limit in self._keys(email, address):
            quota = await self._limiter.hit(key, limit, window, now)
            if not quota.allowed:
                raise self._refusal(who, quota)  # others of a burst took the last tries

    def _refusal(self, who: str, quota: Quota) -> RateLimited:
        detail = f"too many failed sign-ins for this {who}; try again later"
        return RateLimited(detail, quota.reset, {f"sign-in-{who}": quota})

    async def succeeded(self, email: str, address: str, now: datetime) -> None:
        """The email's failures are forgotten; the address gets its try back."""
        await self._limiter.reset(_user_key(email))
        await self._limiter.forgive(_address_key(address), self._limits.window, now)


def _address_key(address: str) -> str:
    return f"signin:address:{address}"


def _user_key(email: str) -> str:
    return f"signin:user:{normalise_email(email)}"


async def sign_in(
    context: Context[DirectoryUnitOfWork],
    email: str,
    password: str,
    address: str,
    *,
    hasher: PasswordHasher,
    throttle: SignInThrottle,
) -> User:
    """A throttled email or address gets 429 before its password is even checked, so a right
    password waits too; a success forgets the email's failures (not the address's)."""
    now = context.clock.now()
    await throttle.count_try(email, address, now)
    user = await authenticate(context, email, password, hasher=hasher)
    await throttle.succeeded(email, address, now)
    return user


async def sign_in_externally(
    context: Context[DirectoryUnitOfWork], identity: ExternalIdentity, roles: GroupRoles
) -> User:
    """The provider's groups decide the role on every request: the account with the token's
    email gets the grant (it is made on first sight); a deactivated account stays refused."""
    grant = roles.grant_for(identity.groups)
    if grant is None:
        raise Forbidden("your single sign-on groups grant no role in Frontdoor")
    async with context.uow() as uow:
        if grant.department_code and await uow.departments.get(grant.department_code) is None:
            raise Forbidden(f"department {grant.department_code} of your group is not known")
        user = await _account(uow, identity, grant, context.clock.now())
        if not user.active:
            raise Unauthenticated("the access token is no longer valid")
        if _placement(user) != grant:
            user.place(grant.role, grant.department_code, grant.tier)
            await uow.users.save(user)
        await uow.commit()
    return user


async def _account(
    uow: DirectoryUnitOfWork, identity: ExternalIdentity, grant: Grant, now: datetime
) -> User:
    """The account of the email, made on first sight; the SPA's first requests come at once,
    so a concurrent first sight finds the account the other one made."""
    email = normalise_email(identity.email)
    user = await uow.users.get_by_email(email)
    if user is None:
        made = _provisioned(identity, grant, now)
        user = made if await uow.users.add_unless_taken(made) else None
    return user or await _existing(uow, email)


async def _existing(uow: DirectoryUnitOfWork, email: str) -> User:
    user = await uow.users.get_by_email(email)
    if user is None:
        raise Unauthenticated("the access token is no longer valid")
    return user


def _placement(user: User) -> Grant:
    return Grant(user.role, user.department_code, user.tier)


def _provisioned(identity: ExternalIdentity, grant: Grant, now: datetime) -> User:
    user = User(
        id=uuid4(),
        email=normalise_email(identity.email),
        display_name=identity.display_name.strip() or identity.email,
        role=grant.role,
        password_hash=NO_PASSWORD,
        created_at=now,
    )
    user.place(grant.role, grant.department_code, grant.tier)
    return user

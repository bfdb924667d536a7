"""The city's single sign-on: who a provider's token names, and what its groups grant here.

A mapping reads "group:grant,...", where a grant is `admin`, `supervisor`, `agent`,
`staff@<department>` (a department employee) or `manager@<department>` (its manager). A person
in several mapped groups gets the strongest grant: admin, supervisor, agent, manager, then
staff; between two departments of the same tier, the one listed first.
"""

from dataclasses import dataclass
from typing import Protocol

from domain.directory.users import Role, Tier

_CALL_CENTER = {"admin": Role.ADMIN, "supervisor": Role.SUPERVISOR, "agent": Role.AGENT}
_TIERS = {"staff": Tier.EMPLOYEE, "manager": Tier.MANAGER}
_STRENGTH = ["admin", "supervisor", "agent", "manager", "staff"]


@dataclass(frozen=True)
class Grant:
    role: Role
    department_code: str | None = None
    tier: Tier | None = None

    @classmethod
    def parse(cls, text: str) -> "Grant":
        name, at, department = (part.strip() for part in text.partition("@"))
        if name in _CALL_CENTER and not at:
            return cls(_CALL_CENTER[name])
        if name in _TIERS and department:
            return cls(Role.STAFF, department, _TIERS[name])
        raise ValueError(
            f"{text!r}: a grant is admin, supervisor, agent, staff@<department> "
            "or manager@<department>"
        )

    @property
    def strength(self) -> int:
        if self.tier is None:
            return _STRENGTH.index(self.role.value)
        return _STRENGTH.index("manager" if self.tier is Tier.MANAGER else "staff")


@dataclass(frozen=True)
class GroupRoles:
    grants: tuple[tuple[str, Grant], ...]  # in the order configured

    @classmethod
    def parse(cls, text: str) -> "GroupRoles":
        grants = []
        for entry in filter(None, (e.strip() for e in text.split(","))):
            group, colon, grant = entry.rpartition(":")
            if not colon or not group.strip():
                raise ValueError(f"{entry!r}: write group:grant")
            grants.append((group.strip(), Grant.parse(grant)))
        return cls(tuple(grants))

    def grant_for(self, groups: tuple[str, ...]) -> Grant | None:
        """The strongest grant of the caller's mapped groups; None when no group is mapped."""
        held = set(groups)
        granted = [grant for group, grant in self.grants if group in held]
        return min(granted, key=lambda grant: grant.strength, default=None)


@dataclass(frozen=True)
class ExternalIdentity:
    """What a verified provider token says about its bearer."""

    subject: str
    email: str
    display_name: str
    groups: tuple[str, ...]


class IdentityProvider(Protocol):
    def issued(self, token: str) -> bool:
        """Whether the token claims to come from this provider (it is not verified yet)."""
        ...

    async def verify(self, token: str) -> ExternalIdentity:
        """The identity of a valid token; raises Unauthenticated otherwise."""
        ...

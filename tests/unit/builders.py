"""Small builders shared by the unit tests."""

from datetime import UTC, datetime
from uuid import UUID

from domain.directory.permissions import Principal
from domain.directory.users import Role, Tier, User
from domain.shared.vocabulary import Actor

CREATED = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
DEFAULT_PASSWORD = "correct horse"


def user(
    number: int,
    role: Role,
    department_code: str | None = None,
    tier: Tier | None = None,
    *,
    email: str | None = None,
    password: str = DEFAULT_PASSWORD,
    active: bool = True,
) -> User:
    """A user whose id is the UUID ending in ``number`` (readable in failures)."""
    return User(
        id=UUID(int=number),
        email=email or f"user{number}@city.example",
        display_name=f"User {number}",
        role=role,
        password_hash=f"hashed:{password}",
        created_at=CREATED,
        department_code=department_code,
        tier=tier,
        active=active,
    )


def principal(
    role: Role, department_code: str | None = None, tier: Tier | None = None, number: int = 99
) -> Principal:
    return Principal(UUID(int=number), f"User {number}", role, department_code, tier)


RESIDENT = Actor(None, "resident")

"""Staff accounts, roles and department tiers."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from domain.shared.errors import ValidationFailed


class Role(StrEnum):
    ADMIN = "admin"
    SUPERVISOR = "supervisor"
    AGENT = "agent"
    STAFF = "staff"


class Tier(StrEnum):
    EMPLOYEE = "employee"
    MANAGER = "manager"


@dataclass
class User:
    id: UUID
    email: str
    display_name: str
    role: Role
    password_hash: str
    created_at: datetime
    department_code: str | None = None
    tier: Tier | None = None
    active: bool = True
    token_version: int = 0

    def place(self, role: Role, department_code: str | None, tier: Tier | None) -> None:
        """Department staff belong to exactly one department with a tier; other roles to none."""
        if role is Role.STAFF and (department_code is None or tier is None):
            raise ValidationFailed.single("department", "staff need a department and a tier")
        if role is not Role.STAFF:
            department_code, tier = None, None
        self.role, self.department_code, self.tier = role, department_code, tier

    def deactivate(self) -> None:
        self.active = False
        self.token_version += 1

    def set_password_hash(self, password_hash: str) -> None:
        self.password_hash = password_hash
        self.token_version += 1


def normalise_email(email: str) -> str:
    return email.strip().lower()

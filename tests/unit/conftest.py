"""Readable test ids for users and principals given as parameters."""

from domain.directory.permissions import Principal
from domain.directory.users import User


def pytest_make_parametrize_id(config: object, val: object, argname: str) -> str | None:
    if isinstance(val, User | Principal):
        parts = [val.role.value, val.department_code, val.tier.value if val.tier else None]
        inactive = isinstance(val, User) and not val.active
        return "-".join(p for p in parts if p) + ("-inactive" if inactive else "")
    return None

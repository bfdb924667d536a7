"""Who writes and who reads which articles."""

import pytest

from domain.directory.permissions import Principal
from domain.directory.users import Role, Tier
from domain.knowledge.model import ArticleStatus, Audience
from domain.knowledge.permissions import ReadScope, may_write, read_scope, require_write
from domain.shared.errors import Forbidden
from tests.unit.builders import principal

ADMIN = principal(Role.ADMIN)
SUPERVISOR = principal(Role.SUPERVISOR)
AGENT = principal(Role.AGENT)
TRANSPORT_MANAGER = principal(Role.STAFF, "transportation", Tier.MANAGER)
TRANSPORT_EMPLOYEE = principal(Role.STAFF, "transportation", Tier.EMPLOYEE)
WATER_MANAGER = principal(Role.STAFF, "water", Tier.MANAGER)

PUBLIC, INTERNAL = Audience.PUBLIC, Audience.INTERNAL
DRAFT, PUBLISHED, ARCHIVED = ArticleStatus.DRAFT, ArticleStatus.PUBLISHED, ArticleStatus.ARCHIVED


@pytest.mark.parametrize(
    ("who", "department", "allowed"),
    [
        (ADMIN, None, True),
        (ADMIN, "water", True),
        (SUPERVISOR, "transportation", True),
        (SUPERVISOR, None, True),
        (TRANSPORT_MANAGER, "transportation", True),
        (TRANSPORT_MANAGER, "water", False),
        (TRANSPORT_MANAGER, None, False),
        (TRANSPORT_EMPLOYEE, "transportation", False),
        (AGENT, None, False),
        (AGENT, "transportation", False),
    ],
)
def test_who_writes(who: Principal, department: str | None, allowed: bool) -> None:
    assert may_write(who, department) is allowed
    if not allowed:
        with pytest.raises(Forbidden, match="the owning department's managers write articles"):
            require_write(who, department)


def test_read_scopes() -> None:
    assert read_scope(None) == ReadScope()
    assert read_scope(ADMIN) == ReadScope(internal=True, unpublished_everywhere=True)
    assert read_scope(SUPERVISOR) == ReadScope(internal=True, unpublished_everywhere=True)
    assert read_scope(TRANSPORT_MANAGER) == ReadScope(
        internal=True, unpublished_department="transportation"
    )
    assert read_scope(AGENT) == ReadScope(internal=True)
    assert read_scope(TRANSPORT_EMPLOYEE) == ReadScope(internal=True)


@pytest.mark.parametrize(
    ("who", "audience", "status", "department", "seen"),
    [
        (None, PUBLIC, PUBLISHED, None, True),
        (None, INTERNAL, PUBLISHED, None, False),
        (None, PUBLIC, DRAFT, None, False),
        (None, PUBLIC, ARCHIVED, "transportation", False),
        (AGENT, INTERNAL, PUBLISHED, None, True),
        (AGENT, PUBLIC, DRAFT, "transportation", False),
        (TRANSPORT_MANAGER, INTERNAL, DRAFT, "transportation", True),
        (TRANSPORT_MANAGER, PUBLIC, ARCHIVED, "transportation", True),
        (TRANSPORT_MANAGER, PUBLIC, DRAFT, "water", False),
        (TRANSPORT_MANAGER, PUBLIC, DRAFT, None, False),
        (SUPERVISOR, INTERNAL, DRAFT, None, True),
    ],
)
def test_who_reads(
    who: Principal | None,
    audience: Audience,
    status: ArticleStatus,
    department: str | None,
    seen: bool,
) -> None:
    assert read_scope(who).allows(audience, status, department) is seen

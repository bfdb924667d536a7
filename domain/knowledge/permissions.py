"""Who may read and write knowledge articles.

Writers: admins and supervisors write any article; a department manager writes the articles
their department owns (an article without an owner belongs to the 311 center). Readers without
a token see published public articles; staff also see internal ones; writers also see the
drafts and archived articles they could edit.
"""

from dataclasses import dataclass

from domain.directory.permissions import Principal
from domain.directory.users import Role
from domain.knowledge.model import ArticleStatus, Audience
from domain.shared.errors import Forbidden

EDITORS_IN_CHIEF = frozenset({Role.ADMIN, Role.SUPERVISOR})


def may_write(principal: Principal, department_code: str | None) -> bool:
    if principal.role in EDITORS_IN_CHIEF:
        return True
    return (
        principal.is_manager
        and department_code is not None
        and department_code == principal.department_code
    )


def require_write(principal: Principal, department_code: str | None) -> None:
    if not may_write(principal, department_code):
        raise Forbidden(
            "only supervisors, administrators and the owning department's managers write articles"
        )


@dataclass(frozen=True)
class ReadScope:
    """What a reader may see. The default is an anonymous resident's."""

    internal: bool = False
    unpublished_everywhere: bool = False
    unpublished_department: str | None = None

    def allows(self, audience: Audience, status: ArticleStatus, department: str | None) -> bool:
        if audience is Audience.INTERNAL and not self.internal:
            return False
        return status is ArticleStatus.PUBLISHED or self.sees_unpublished_of(department)

    def sees_unpublished_of(self, department: str | None) -> bool:
        if self.unpublished_everywhere:
            return True
        return department is not None and department == self.unpublished_department


def read_scope(principal: Principal | None) -> ReadScope:
    if principal is None:
        return ReadScope()
    if principal.role in EDITORS_IN_CHIEF:
        return ReadScope(internal=True, unpublished_everywhere=True)
    if principal.is_manager:
        return ReadScope(internal=True, unpublished_department=principal.department_code)
    return ReadScope(internal=True)

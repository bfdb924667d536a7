"""Who reads metrics: supervisors and admins everything, department managers their own
department, nobody else."""

from dataclasses import dataclass

from domain.directory.permissions import Principal
from domain.directory.users import Role
from domain.shared.errors import Forbidden

READ_ALL = frozenset({Role.ADMIN, Role.SUPERVISOR})


@dataclass(frozen=True)
class MetricsReader:
    """A caller allowed to read metrics; `department` is set for a department's manager."""

    department: str | None = None

    @property
    def reads_everything(self) -> bool:
        return self.department is None

    def department_filter(self, requested: str | None) -> str | None:
        """The department the figures cover: a manager's own, whatever they asked for."""
        if self.department is None:
            return requested
        if requested is not None and requested != self.department:
            raise Forbidden("a department manager reads their own department's figures only")
        return self.department

    def require_contact_center(self) -> None:
        """Call records belong to the contact center, not to a department."""
        if self.department is not None:
            raise Forbidden("only supervisors and administrators read the call figures")


def metrics_reader(principal: Principal) -> MetricsReader:
    if principal.partner:
        raise Forbidden("a partner system does not read metrics")
    if principal.role in READ_ALL:
        return MetricsReader()
    if principal.is_manager and principal.department_code:
        return MetricsReader(principal.department_code)
    raise Forbidden("only supervisors, administrators and department managers read metrics")


def require_call_import(principal: Principal) -> None:
    if principal.partner or principal.role not in READ_ALL:
        raise Forbidden("only supervisors and administrators import call records")

"""Reading the audit trail: administrators only."""

from domain.audit.model import AuditPage, AuditQuery
from domain.audit.ports import AuditTrail
from domain.directory.permissions import Principal


def require_audit_access(principal: Principal) -> None:
    """Checked before anything else about the query: others learn nothing, not even whether
    their query was well formed."""
    principal.require_admin()


async def read_audit(trail: AuditTrail, query: AuditQuery, principal: Principal) -> AuditPage:
    require_audit_access(principal)
    return await trail.page(query)

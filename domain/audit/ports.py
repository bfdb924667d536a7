"""What the audit trail's readers need from storage."""

from typing import Protocol

from domain.audit.model import AuditPage, AuditQuery


class AuditTrail(Protocol):
    async def page(self, query: AuditQuery) -> AuditPage:
        """At most `query.limit` entries matching it, newest first."""
        ...

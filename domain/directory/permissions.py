"""Who may do what. Every use case asks the caller's Principal before it acts."""

from dataclasses import dataclass
from uuid import UUID

from domain.directory.api_keys import ApiKey, KeyRole
from domain.directory.users import Role, Tier, User
from domain.shared.errors import Forbidden, NotFound
from domain.shared.vocabulary import Actor

CALL_CENTER = frozenset({Role.ADMIN, Role.SUPERVISOR, Role.AGENT})


@dataclass(frozen=True)
class Principal:
    user_id: UUID
    name: str
    role: Role
    department_code: str | None = None
    tier: Tier | None = None
    partner: bool = False

    @classmethod
    def of(cls, user: User) -> "Principal":
        return cls(user.id, user.display_name, user.role, user.department_code, user.tier)

    @classmethod
    def of_partner(cls, key: ApiKey) -> "Principal":
        """A department's partner system: it sees and works that department's requests, as
        department staff do, and nothing else (no assigning, no users, no knowledge edits)."""
        if key.role is not KeyRole.PARTNER or key.department_code is None:
            raise Forbidden("only partner keys act on a department's requests")
        return cls(
            key.id, f"{key.name} (partner system)", Role.STAFF, key.department_code, partner=True
        )

    @property
    def actor(self) -> Actor:
        """A partner system is no user: its timeline entries carry its name only."""
        return Actor(None if self.partner else self.user_id, self.name)

    @property
    def is_manager(self) -> bool:
        return self.role is Role.STAFF and self.tier is Tier.MANAGER

    def visible_department(self) -> str | None:
        """None means every department; staff see only their own."""
        return self.department_code if self.role is Role.STAFF else None

    def can_see(self, department_code: str) -> bool:
        return self.role in CALL_CENTER or department_code == self.department_code

    def require_see(self, department_code: str, request_id: str) -> None:
        """A request outside the caller's reach is answered as if it did not exist."""
        if not self.can_see(department_code):
            raise NotFound(f"service request {request_id} was not found")

    def require_create_request(self) -> None:
        if self.role not in CALL_CENTER:
            raise Forbidden("only call-center staff create requests through this API")

    def require_work(self, department_code: str, request_id: str) -> None:
        """Transition and comment: call-center roles on any request, staff on their own."""
        self.require_see(department_code, request_id)

    def require_assign(self, department_code: str, assignee: User | None) -> None:
        if self.role in (Role.ADMIN, Role.SUPERVISOR):
            return
        if not self.is_manager or department_code != self.department_code:
            raise Forbidden("only supervisors and the department's managers assign requests")
        if assignee is not None and assignee.department_code != self.department_code:
            raise Forbidden("managers assign within their own department")

    def require_transfer(self, department_code: str) -> None:
        if self.role in (Role.ADMIN, Role.SUPERVISOR):
            return
        if not self.is_manager or department_code != self.department_code:
            raise Forbidden("only supervisors and the department's managers transfer requests")

    def require_reprioritise(self, department_code: str) -> None:
        if self.role in CALL_CENTER:
            return
        if not self.is_manager or department_code != self.department_code:
            raise Forbidden("only call-center staff and the department's managers set priority")

    def require_set_external_id(self, department_code: str, request_id: str) -> None:
        """The id of the request in a department's own system: its partner or its staff set it."""
        self.require_see(department_code, request_id)

    def require_person(self) -> None:
        """Signed-in people only: a partner system has no account and no staff directory."""
        if self.partner:
            raise Forbidden("a partner system's key gives access to its department's requests only")

    def require_admin(self) -> None:
        if self.partner or self.role is not Role.ADMIN:
            raise Forbidden("only administrators may do this")

    # Webhooks: administrators manage all; a department's managers manage its own.
    def can_manage_webhooks(self, department_code: str | None) -> bool:
        if self.role is Role.ADMIN:
            return True
        return (
            self.is_manager
            and department_code is not None
            and (department_code == self.department_code)
        )

    def require_any_webhooks(self) -> None:
        if self.role is not Role.ADMIN and not self.is_manager:
            raise Forbidden("only administrators and department managers manage webhooks")

    def require_manage_webhooks(self, department_code: str | None) -> None:
        self.require_any_webhooks()
        if not self.can_manage_webhooks(department_code):
            raise Forbidden("a department manager manages webhooks for their own department only")

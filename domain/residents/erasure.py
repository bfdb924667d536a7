"""A resident's erasure request, made by staff on the resident's behalf."""

import logging
from uuid import UUID

from domain.directory.permissions import Principal
from domain.directory.users import Role
from domain.privacy.anonymization import Erased
from domain.residents.ports import ResidentEraser
from domain.shared.clock import Clock
from domain.shared.errors import Forbidden, NotFound

log = logging.getLogger("frontdoor.privacy")

# Erasure cannot be undone: a supervisor or an administrator decides it, not the agent on
# the call, and never a department or a partner system.
MAY_ERASE = frozenset({Role.SUPERVISOR, Role.ADMIN})


def require_erasure_access(principal: Principal) -> None:
    if principal.partner or principal.role not in MAY_ERASE:
        raise Forbidden("only supervisors and administrators erase a resident's personal data")


async def erase_resident(
    eraser: ResidentEraser, clock: Clock, resident_id: UUID, by: Principal
) -> Erased:
    """Anonymize a resident everywhere at once: the resident record (names, emails, phones
    and address blanked; the id and creation date stay), the reporter details and personal
    data in the text of all their requests and contacts, their messages, their follows and
    survey comments. Each of their requests gets an internal timeline entry saying so, and a
    log line records who erased whom and when. The facts stay for statistics, and so do the
    email and text opt-outs: they are the suppression list that keeps the resident
    uncontacted. Supervisors and administrators only."""
    require_erasure_access(by)
    at = clock.now()
    erased = await eraser.erase(resident_id, by.actor, at)
    if erased is None:
        raise NotFound(f"resident {resident_id} was not found")
    counts = vars(erased)
    fields = {"resident_id": str(resident_id), "by": str(by.user_id), "at": at.isoformat()}
    log.info("resident erased", extra={"fields": {**fields, **counts}})
    return erased

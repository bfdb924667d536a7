"""Whom a request is shown to: one rule for the use cases and the read routes."""

from domain.directory.permissions import Principal
from domain.requests.model import ServiceRequest
from domain.requests.queries import RequestStamp
from domain.shared.errors import NotFound


def seen_by(
    principal: Principal, request: ServiceRequest | None, request_id: str
) -> ServiceRequest:
    """The request if the principal may see it; 404 for a missing or a hidden one alike."""
    if request is None:
        raise NotFound(f"service request {request_id} was not found")
    principal.require_see(request.department_code, request_id)
    return request


def stamp_seen_by(
    principal: Principal, stamp: RequestStamp | None, request_id: str
) -> RequestStamp:
    """seen_by for a request's stamp: the same 404 for a missing or a hidden one."""
    if stamp is None:
        raise NotFound(f"service request {request_id} was not found")
    principal.require_see(stamp.department_code, request_id)
    return stamp

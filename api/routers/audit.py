from typing import Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import AwareDatetime

from api.deps import ContainerDep, PrincipalDep
from api.problems import problem_responses
from api.schemas.audit import AuditEntryOut, AuditList
from domain.audit.model import MAX_LIMIT, AuditQuery, Entity
from domain.audit.use_cases import read_audit, require_audit_access
from domain.directory.permissions import Principal

router = APIRouter(prefix="/api/v1/audit", tags=["audit"])


async def administrator(principal: PrincipalDep) -> Principal:
    """Before the query is read: others get 403 whatever they asked."""
    require_audit_access(principal)
    return principal


@router.get("", response_model=AuditList, responses=problem_responses(401, 403, 422))
async def audit_trail(
    container: ContainerDep,
    principal: Annotated[Principal, Depends(administrator)],
    entity: Annotated[Entity | None, Query(description="the kind of record")] = None,
    record_id: Annotated[
        str | None,
        Query(alias="id", min_length=1, max_length=200, description="the record's id"),
    ] = None,
    actor: Annotated[str | None, Query(min_length=1, max_length=320)] = None,
    since: Annotated[
        AwareDatetime | None, Query(description="entries at or after this time (with an offset)")
    ] = None,
    until: Annotated[AwareDatetime | None, Query(description="entries before this time")] = None,
    cursor: Annotated[str | None, Query(pattern=r"^[1-9][0-9]{0,17}$")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
) -> AuditList:
    """Every change to the city's records, newest first: who (a user's email or an API
    key's name), when, through which HTTP request, and the changed values. Residents'
    contact data and secrets are never in it. Administrators only."""
    query = AuditQuery(
        entity=entity,
        entity_id=record_id,
        actor=actor,
        since=since,
        until=until,
        before_seq=int(cursor) if cursor else None,
        limit=limit,
    )
    page = await read_audit(container.audit, query, principal)
    next_cursor = None if page.next_before_seq is None else str(page.next_before_seq)
    return AuditList(items=[AuditEntryOut.of(e) for e in page.items], next_cursor=next_cursor)

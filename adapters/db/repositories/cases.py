"""Cases (contacts)."""

from typing import Any
from uuid import UUID

from sqlalchemy import Row, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.db.tables.cases import cases
from domain.cases.model import Case, CaseType, Referral, ReferralTarget
from domain.shared.errors import PreconditionFailed
from domain.shared.vocabulary import Channel


def case_values(case: Case) -> dict[str, Any]:
    referral = case.referral
    return {
        "id": case.id,
        "channel": case.channel.value,
        "type": case.type.value,
        "language": case.language,
        "summary": case.summary,
        "notes": case.notes,
        "resident_id": case.resident_id,
        "anonymous": case.anonymous,
        "article_ids": case.article_ids,
        "request_ids": case.request_ids,
        "referral": None
        if referral is None
        else {
            "target": referral.target.value,
            "agency": referral.agency,
            "phone": referral.phone,
            "url": referral.url,
        },
        "department_code": case.department_code,
        "resolved_on_first_contact": case.resolved_on_first_contact,
        "tags": case.tags,
        "call_id": case.call_id,
        "started_at": case.started_at,
        "ended_at": case.ended_at,
        "agent_id": case.agent_id,
        "agent_name": case.agent_name,
        "created_at": case.created_at,
        "updated_at": case.updated_at or case.created_at,
        "version": case.version,
        "in_inbox": case.in_inbox,
    }


def case_from_row(row: Row[Any]) -> Case:
    referral = row.referral
    return Case(
        id=row.id,
        channel=Channel(row.channel),
        type=CaseType(row.type),
        created_at=row.created_at,
        updated_at=row.updated_at,
        language=row.language,
        summary=row.summary,
        notes=row.notes,
        resident_id=row.resident_id,
        anonymous=row.anonymous,
        article_ids=list(row.article_ids),
        request_ids=list(row.request_ids),
        referral=None
        if referral is None
        else Referral(
            ReferralTarget(referral["target"]),
            referral.get("agency"),
            referral.get("phone"),
            referral.get("url"),
        ),
        department_code=row.department_code,
        resolved_on_first_contact=row.resolved_on_first_contact,
        tags=list(row.tags),
        call_id=row.call_id,
        started_at=row.started_at,
        ended_at=row.ended_at,
        agent_id=row.agent_id,
        agent_name=row.agent_name,
        in_inbox=row.in_inbox,
        version=row.version,
    )


class SqlCaseRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def get(self, case_id: UUID, *, for_update: bool = False) -> Case | None:
        query = select(cases).where(cases.c.id == case_id)
        if for_update:
            query = query.with_for_update()
        row = (await self._db.execute(query)).first()
        return None if row is None else case_from_row(row)

    async def add(self, case: Case) -> None:
        await self._db.execute(insert(cases).values(**case_values(case)))

    async def save(self, case: Case, expected_version: int) -> None:
        values = case_values(case)
        values["version"] = expected_version + 1
        values["anonymized_at"] = None  # a change may bring personal data: the job looks again
        result = await self._db.execute(
            update(cases)
            .where(cases.c.id == case.id, cases.c.version == expected_version)
            .values(**values)
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            raise PreconditionFailed("the case was changed by someone else; read it again")
        case.version = expected_version + 1

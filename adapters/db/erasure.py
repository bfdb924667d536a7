"""A resident's erasure: everything that names them, in one transaction.

Their requests are found by the link to the resident and by the reporter's email or phone
(a request filed before the link existed, or unlinked since); their messages by the link, by
their requests and contacts, and by their addresses. Links to the blanked resident record
stay: it no longer says who it was. Opt-outs stay (see domain/privacy/anonymization.py).
"""

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.db.anonymization import BLANK_RESIDENTS, names_of
from adapters.db.scrubbing import (
    blank_messages,
    clear_device_ids,
    clear_survey_comments,
    scrub_cases,
    scrub_timelines,
)
from domain.privacy.anonymization import ERASED_NOTE, Erased, scrubbed
from domain.shared.vocabulary import Actor

LOCK_RESIDENT = text(
    """
    SELECT id, first_name AS resident_first_name, last_name AS resident_last_name,
           emails, phone_keys
    FROM residents WHERE id = :id FOR UPDATE
    """
)

# A reporter's phone as domain.residents.model.phone_digits writes it: digits, without a North
# American number's leading 1.
PHONE_KEY = """
    (CASE WHEN length(d) = 11 AND left(d, 1) = '1' THEN substr(d, 2) ELSE d END)
"""

PICK_REQUESTS = text(
    f"""
    SELECT t.id, t.description, t.reporter_first_name, t.reporter_last_name
    FROM service_requests t,
         LATERAL (SELECT regexp_replace(coalesce(t.reporter_phone, ''), '\\D', '', 'g') AS d) p
    WHERE t.resident_id = :id
       OR lower(t.reporter_email) = ANY(:emails)
       OR (t.reporter_phone IS NOT NULL AND {PHONE_KEY} = ANY(:phone_keys))
    ORDER BY t.id
    FOR UPDATE OF t
    """  # noqa: S608 (built from the constant above only)
)

WRITE_REQUEST = text(
    """
    UPDATE service_requests SET description = :description, reporter_first_name = NULL,
        reporter_last_name = NULL, reporter_email = NULL, reporter_phone = NULL,
        version = version + 1
    WHERE id = :id
    """
)

PICK_CASES = text(
    """
    SELECT id, summary, CAST(:first AS text) AS resident_first_name,
           CAST(:last AS text) AS resident_last_name
    FROM cases WHERE resident_id = :id ORDER BY id FOR UPDATE
    """
)

NOTE_ON_TIMELINE = text(
    """
    INSERT INTO request_timeline (request_id, at, kind, actor_id, actor_name, visibility, data)
    VALUES (:request_id, :at, 'comment', :actor_id, :actor_name, 'internal',
            CAST(:data AS jsonb))
    """
)

# The trail's own entry for the erasure, beside the changes the triggers record (which carry
# no personal data either, see migration 0032): who erased whom, when, and how much.
RECORD_ERASURE = text(
    "SELECT frontdoor_audit_write('resident', :id, 'erase', NULL, CAST(:counts AS jsonb))"
)

DROP_FOLLOWS = text("DELETE FROM request_followers WHERE lower(email) = ANY(:emails)")


class SqlResidentEraser:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def erase(self, resident_id: UUID, by: Actor, at: datetime) -> Erased | None:
        async with self._engine.begin() as db:
            resident = (await db.execute(LOCK_RESIDENT, {"id": resident_id})).first()
            if resident is None:
                return None
            erased = await _erase(db, resident, by, at)
            await db.execute(BLANK_RESIDENTS, {"ids": [resident_id], "now": at})
            counts = json.dumps(vars(erased))
            await db.execute(RECORD_ERASURE, {"id": str(resident_id), "counts": counts})
        return erased


async def _erase(db: AsyncConnection, resident: Any, by: Actor, at: datetime) -> Erased:
    names = await _erase_requests(db, resident)
    request_ids = list(names)
    entries = await scrub_timelines(db, names) if names else 0
    await _note_erasure(db, request_ids, by, at)
    case_ids = await _erase_cases(db, resident, at)
    messages = await blank_messages(
        db,
        request_ids=request_ids,
        case_ids=case_ids,
        resident_id=resident.id,
        addresses=list(resident.emails) + list(resident.phone_keys),
    )
    # Their own follows go, on any request; other people following their requests stay.
    follows = await db.execute(DROP_FOLLOWS, {"emails": list(resident.emails)})
    comments = await clear_survey_comments(db, request_ids)
    await clear_device_ids(db, request_ids)
    return Erased(
        requests=len(request_ids),
        cases=len(case_ids),
        messages=messages,
        timeline_entries=entries,
        followers=int(follows.rowcount or 0),
        survey_comments=comments,
    )


async def _erase_requests(db: AsyncConnection, resident: Any) -> dict[str, tuple[str | None, ...]]:
    """Scrub the resident's requests; returns, per request id, whom its text may name."""
    params = {
        "id": resident.id,
        "emails": list(resident.emails),
        "phone_keys": list(resident.phone_keys),
    }
    requests = (await db.execute(PICK_REQUESTS, params)).all()
    names = {row.id: names_of(row) + names_of(resident) for row in requests}
    await _write_requests(db, requests, names)
    return names


async def _erase_cases(db: AsyncConnection, resident: Any, at: datetime) -> list[UUID]:
    params = {
        "id": resident.id,
        "first": resident.resident_first_name,
        "last": resident.resident_last_name,
    }
    cases = (await db.execute(PICK_CASES, params)).all()
    await scrub_cases(db, cases, at, unlink=False)
    return [row.id for row in cases]


async def _write_requests(
    db: AsyncConnection, requests: Sequence[Any], names: dict[str, tuple[str | None, ...]]
) -> None:
    if not requests:
        return
    await db.execute(
        WRITE_REQUEST,
        [
            {"id": row.id, "description": scrubbed(row.description, names[row.id])}
            for row in requests
        ],
    )


async def _note_erasure(
    db: AsyncConnection, request_ids: list[str], by: Actor, at: datetime
) -> None:
    if not request_ids:
        return
    data = json.dumps({"body": ERASED_NOTE})
    await db.execute(
        NOTE_ON_TIMELINE,
        [
            {
                "request_id": request_id,
                "at": at,
                "actor_id": by.user_id,
                "actor_name": by.name,
                "data": data,
            }
            for request_id in request_ids
        ],
    )

"""What the anonymization job and a resident's erasure both do to the records around a
request or a contact. Each function runs on the caller's connection, inside its transaction.
"""

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import TextClause, text
from sqlalchemy.ext.asyncio import AsyncConnection

from domain.privacy.anonymization import scrubbed

# The free text of a timeline entry: a comment's body, a status change's note.
TEXT_KEYS = ("body", "note")

PICK_ENTRIES = text(
    """
    SELECT id, request_id, data FROM request_timeline
    WHERE request_id = ANY(:ids) AND (data ? 'body' OR data ? 'note')
    """
)
WRITE_ENTRY = text("UPDATE request_timeline SET data = CAST(:data AS jsonb) WHERE id = :id")

# A message is the resident's own words, or words to them at their address: all of it goes,
# and what stays is that a message came or went, when, and on which case or request.
BLANK_MESSAGES = """
    UPDATE messages SET address = '', subject = '', body = ''{unlink}
    WHERE (request_id = ANY(:request_ids) OR case_id = ANY(:case_ids)
           OR resident_id = :resident_id OR address = ANY(:addresses))
      AND NOT (address = '' AND subject = '' AND body = ''{still_linked})
"""

# The job marks what it did (`anonymized_at`) and unlinks the resident; an erasure keeps the
# link to the blanked resident and leaves the mark to the job, which comes by in its time.
WRITE_CASE = """
    UPDATE cases SET summary = :summary, notes = ''{unlink}, version = version + 1
    WHERE id = :id
"""

DROP_FOLLOWERS = text("DELETE FROM request_followers WHERE request_id = ANY(:ids)")
DROP_SURVEY_COMMENTS = text(
    "UPDATE survey_answers SET comment = NULL WHERE request_id = ANY(:ids) AND comment IS NOT NULL"
)
DROP_DEVICE_IDS = text(
    """
    UPDATE open311_submissions SET device_id = NULL, account_id = NULL
    WHERE request_id = ANY(:ids) AND (device_id IS NOT NULL OR account_id IS NOT NULL)
    """
)


async def scrub_timelines(db: AsyncConnection, names: Mapping[str, Sequence[str | None]]) -> int:
    """Mask the personal data in the free text of these requests' timelines; `names` gives,
    per request id, whom its text may name. Returns the entries changed."""
    rows = (await db.execute(PICK_ENTRIES, {"ids": list(names)})).all()
    changed = []
    for row in rows:
        data = dict(row.data)
        for key in TEXT_KEYS:
            if isinstance(data.get(key), str):
                data[key] = scrubbed(data[key], names[row.request_id])
        if data != row.data:
            changed.append({"id": row.id, "data": json.dumps(data)})
    if changed:
        await db.execute(WRITE_ENTRY, changed)
    return len(changed)


async def blank_messages(
    db: AsyncConnection,
    *,
    request_ids: Sequence[str] = (),
    case_ids: Sequence[UUID] = (),
    resident_id: UUID | None = None,
    addresses: Sequence[str] = (),
    unlink: bool = False,
) -> int:
    """Blank the messages on these requests or cases, of this resident or at these addresses;
    `unlink` also takes their link to the resident. Returns the messages changed."""
    statement = text(
        BLANK_MESSAGES.format(
            unlink=", resident_id = NULL" if unlink else "",
            still_linked=" AND resident_id IS NULL" if unlink else "",
        )
    )
    params = {
        "request_ids": list(request_ids),
        "case_ids": list(case_ids),
        "resident_id": resident_id,
        "addresses": list(addresses),
    }
    return int((await db.execute(statement, params)).rowcount or 0)


async def scrub_cases(
    db: AsyncConnection, picked: Sequence[Any], now: datetime, *, unlink: bool
) -> int:
    """Mask the personal data in these contacts' summaries and blank their notes (the agent's
    notes of the call, or an inbound message's text); `unlink` also takes their resident and
    marks them done.
    `picked` rows carry id, summary, resident_first_name and resident_last_name."""
    if not picked:
        return 0
    unlinked = ", resident_id = NULL, anonymized_at = :now" if unlink else ""
    statement = text(WRITE_CASE.format(unlink=unlinked))
    await db.execute(
        statement,
        [
            {
                "id": row.id,
                "summary": scrubbed(row.summary, (row.resident_first_name, row.resident_last_name)),
                "now": now,
            }
            for row in picked
        ],
    )
    return len(picked)


async def drop_followers(db: AsyncConnection, request_ids: Sequence[str]) -> int:
    """Everyone following these requests stops, and their email addresses go."""
    return await _changed(db, DROP_FOLLOWERS, request_ids)


async def clear_survey_comments(db: AsyncConnection, request_ids: Sequence[str]) -> int:
    """The comments of these requests' survey answers go; the scores stay."""
    return await _changed(db, DROP_SURVEY_COMMENTS, request_ids)


async def clear_device_ids(db: AsyncConnection, request_ids: Sequence[str]) -> int:
    """The device and account ids an Open311 client sent with these requests go."""
    return await _changed(db, DROP_DEVICE_IDS, request_ids)


async def _changed(db: AsyncConnection, statement: TextClause, request_ids: Sequence[str]) -> int:
    return int((await db.execute(statement, {"ids": list(request_ids)})).rowcount or 0)

"""The anonymization job's batches: each picks at most `limit` rows (`FOR UPDATE SKIP LOCKED`,
so two workers never take the same row), scrubs them and marks them `anonymized_at`, in one
short transaction. A marked row is never picked again, which makes a second run a no-op.

The masking of free text is the domain's (domain/privacy/anonymization.py); SQL here only
reads the text and writes back what the domain made of it.
"""

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.db.scrubbing import (
    blank_messages,
    clear_device_ids,
    clear_survey_comments,
    drop_followers,
    scrub_cases,
    scrub_timelines,
)
from domain.privacy.anonymization import scrubbed

PICK_REQUESTS = text(
    """
    SELECT t.id, t.description, t.reporter_first_name, t.reporter_last_name,
           r.first_name AS resident_first_name, r.last_name AS resident_last_name
    FROM service_requests t LEFT JOIN residents r ON r.id = t.resident_id
    WHERE t.closed_at < :before AND t.anonymized_at IS NULL
    ORDER BY t.closed_at
    LIMIT :limit
    FOR UPDATE OF t SKIP LOCKED
    """
)

PICK_CASES = text(
    """
    SELECT c.id, c.summary, r.first_name AS resident_first_name,
           r.last_name AS resident_last_name
    FROM cases c LEFT JOIN residents r ON r.id = c.resident_id
    WHERE c.updated_at < :before AND c.anonymized_at IS NULL
    ORDER BY c.updated_at
    LIMIT :limit
    FOR UPDATE OF c SKIP LOCKED
    """
)

# A resident is left alone while any request, contact or message still refers to it: the
# request and case batches unlink theirs once they are old enough.
PICK_RESIDENTS = text(
    """
    SELECT r.id FROM residents r
    WHERE r.anonymized_at IS NULL AND r.updated_at < :before
      AND NOT EXISTS (SELECT 1 FROM service_requests t WHERE t.resident_id = r.id)
      AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.resident_id = r.id)
      AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.resident_id = r.id)
    LIMIT :limit
    FOR UPDATE OF r SKIP LOCKED
    """
)

# The id, the creation date and the preferred language (a fact for statistics) stay.
BLANK_RESIDENTS = text(
    """
    UPDATE residents SET first_name = NULL, last_name = NULL, folded_name = '',
        phones = '{}', phone_keys = '{}', emails = '{}', address = NULL, folded_address = '',
        contact_preference = 'none', updated_at = :now, anonymized_at = :now
    WHERE id = ANY(:ids)
    """
)

UNLINK_REQUEST = text(
    """
    UPDATE service_requests SET description = :description, reporter_first_name = NULL,
        reporter_last_name = NULL, reporter_email = NULL, reporter_phone = NULL,
        resident_id = NULL, anonymized_at = :now, version = version + 1
    WHERE id = :id
    """
)


def names_of(row: Any) -> tuple[str | None, ...]:
    """Whom a request's or contact's text may name: its reporter and its resident."""
    return tuple(
        getattr(row, column, None)
        for column in (
            "reporter_first_name",
            "reporter_last_name",
            "resident_first_name",
            "resident_last_name",
        )
    )


class SqlAnonymizationStore:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def anonymize_requests(
        self, closed_before: datetime, now: datetime, limit: int
    ) -> Mapping[str, int]:
        async with self._engine.begin() as db:
            picked = (
                await db.execute(PICK_REQUESTS, {"before": closed_before, "limit": limit})
            ).all()
            if not picked:
                return {"service_requests": 0}
            return await _anonymize_requests(db, picked, now)

    async def anonymize_cases(
        self, changed_before: datetime, now: datetime, limit: int
    ) -> Mapping[str, int]:
        async with self._engine.begin() as db:
            picked = (
                await db.execute(PICK_CASES, {"before": changed_before, "limit": limit})
            ).all()
            if not picked:
                return {"cases": 0}
            cases = await scrub_cases(db, picked, now, unlink=True)
            messages = await blank_messages(db, case_ids=[row.id for row in picked], unlink=True)
        return {"cases": cases, "messages": messages}

    async def anonymize_residents(
        self, changed_before: datetime, now: datetime, limit: int
    ) -> Mapping[str, int]:
        async with self._engine.begin() as db:
            picked = (
                await db.execute(PICK_RESIDENTS, {"before": changed_before, "limit": limit})
            ).all()
            ids = [row.id for row in picked]
            if ids:
                await db.execute(BLANK_RESIDENTS, {"ids": ids, "now": now})
        return {"residents": len(ids)}


async def _anonymize_requests(
    db: AsyncConnection, picked: Sequence[Any], now: datetime
) -> dict[str, int]:
    names = {row.id: names_of(row) for row in picked}
    await db.execute(
        UNLINK_REQUEST,
        [
            {"id": row.id, "description": scrubbed(row.description, names[row.id]), "now": now}
            for row in picked
        ],
    )
    ids = list(names)
    counts = {"service_requests": len(ids)}
    counts["request_timeline"] = await scrub_timelines(db, names)
    counts["messages"] = await blank_messages(db, request_ids=ids, unlink=True)
    counts["request_followers"] = await drop_followers(db, ids)
    counts["survey_answers"] = await clear_survey_comments(db, ids)
    counts["open311_submissions"] = await clear_device_ids(db, ids)
    return counts

"""The anonymization policy, the scrubbing of free text, and the job's batching over a store."""

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

import pytest

from domain.privacy.anonymization import ERASED_NOTE, AnonymizationPolicy, scrubbed
from domain.privacy.personal_data import find_personal_data
from domain.privacy.use_cases import anonymize

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_the_cutoff_is_the_kept_time_before_now() -> None:
    policy = AnonymizationPolicy(after=timedelta(days=730))
    assert policy.cutoff(NOW) == NOW - timedelta(days=730)


def test_personal_data_is_kept_at_least_a_day_and_batches_hold_a_row() -> None:
    with pytest.raises(ValueError, match="at least a day"):
        AnonymizationPolicy(after=timedelta(hours=23))
    with pytest.raises(ValueError, match="batch_size"):
        AnonymizationPolicy(after=timedelta(days=1), batch_size=0)


def test_scrubbing_masks_contact_details_and_names_and_keeps_the_facts() -> None:
    text = "Rosa Parks (rosa@example.net, 410-555-0199) says the pothole at 100 Main St is deep"
    clean = scrubbed(text, ("Rosa", "Parks"))
    assert clean == (
        "[name hidden] [name hidden] ([email hidden], [phone hidden]) says the pothole"
        " at 100 Main St is deep"
    )
    assert scrubbed(clean, ("Rosa", "Parks")) == clean  # a second pass changes nothing


def test_the_erasure_note_names_nobody_in_either_language() -> None:
    assert find_personal_data(ERASED_NOTE) == []
    assert "Personal data erased" in ERASED_NOTE
    assert "Datos personales borrados" in ERASED_NOTE


class CountingStore:
    """Hands out a fixed backlog per kind, at most `limit` rows per batch."""

    def __init__(self, requests: int, cases: int, residents: int) -> None:
        self.left = {"service_requests": requests, "cases": cases, "residents": residents}
        self.calls: list[tuple[str, datetime]] = []

    def _take(self, table: str, before: datetime, limit: int) -> Mapping[str, int]:
        self.calls.append((table, before))
        taken = min(limit, self.left[table])
        self.left[table] -= taken
        return {table: taken, "messages": taken}

    async def anonymize_requests(
        self, before: datetime, now: datetime, limit: int
    ) -> Mapping[str, int]:
        return self._take("service_requests", before, limit)

    async def anonymize_cases(
        self, before: datetime, now: datetime, limit: int
    ) -> Mapping[str, int]:
        return self._take("cases", before, limit)

    async def anonymize_residents(
        self, before: datetime, now: datetime, limit: int
    ) -> Mapping[str, int]:
        return self._take("residents", before, limit)


async def test_the_job_works_through_the_backlog_in_batches_residents_last() -> None:
    store = CountingStore(requests=5, cases=2, residents=0)
    policy = AnonymizationPolicy(after=timedelta(days=30), batch_size=2)

    changed = await anonymize(store, policy, NOW)

    assert changed == {"service_requests": 5, "cases": 2, "residents": 0, "messages": 7}
    tables = [table for table, _ in store.calls]
    # Requests: 2 + 2 + 1 (short: stop); cases: 2 + 0; residents: 0.
    assert tables == ["service_requests"] * 3 + ["cases"] * 2 + ["residents"]
    assert {before for _, before in store.calls} == {NOW - timedelta(days=30)}

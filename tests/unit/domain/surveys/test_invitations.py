"""Who is asked, once, and when: the survey scan's decisions (fakes, no database)."""

from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest

from domain.directory.catalog import SlaPolicy
from domain.requests.model import CloseReason, ServiceRequest, Status
from domain.residents.model import ContactPreference, Reporter, Resident
from domain.shared.clock import FixedClock
from domain.shared.context import Context
from domain.shared.events import EventType
from domain.surveys.invitations import NO_CONTACT, OPTED_OUT, invite, invite_all_due
from domain.surveys.model import SurveyPolicy
from tests.unit.domain.notifications.test_opt_out import MemoryOptOuts
from tests.unit.fakes import FakeStore, FakeUnitOfWork, FakeUnitOfWorkFactory

CLOSED_AT = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
POLICY = SurveyPolicy(delay=timedelta(hours=24))
DUE = CLOSED_AT + timedelta(hours=24)


def closed(number: str = "26-00000001", **fields: object) -> ServiceRequest:
    values: dict[str, object] = {
        "reporter": Reporter(email="Rosa@Example.net"),
        "status": Status.CLOSED,
        "close_reason": CloseReason.RESOLVED,
        "closed_at": CLOSED_AT,
        **fields,
    }
    return ServiceRequest(
        id=number,
        service_code="pothole",
        department_code="roads",
        sla=SlaPolicy(24),
        requested_at=CLOSED_AT - timedelta(days=2),
        **values,  # type: ignore[arg-type]
    )


def context(store: FakeStore, at: datetime = DUE) -> Context[FakeUnitOfWork]:
    return Context(FakeUnitOfWorkFactory(store), FixedClock(at))


async def asked(
    store: FakeStore, at: datetime = DUE, opt_outs: MemoryOptOuts | None = None
) -> bool:
    return await invite(
        context(store, at), "26-00000001", policy=POLICY, opt_outs=opt_outs or MemoryOptOuts()
    )


async def test_the_reporter_is_asked_once_by_email_after_the_delay() -> None:
    store = FakeStore()
    store.put_request(closed())
    assert not await asked(store, DUE - timedelta(minutes=1))
    assert store.surveys.invitations == {}
    assert await asked(store)
    assert not await asked(store, DUE + timedelta(hours=1))
    assert store.surveys.invitations["26-00000001"].channel == "email"
    [event] = store.events
    assert event.type is EventType.SURVEY_DUE and event.subject == "26-00000001"
    assert event.data == {"channel": "email"}  # nothing about the reporter


@pytest.mark.parametrize(
    "fields",
    [
        {"duplicate_of": "26-00000009", "close_reason": CloseReason.DUPLICATE},
        {"close_reason": CloseReason.DUPLICATE},
        {"status": Status.IN_PROGRESS, "closed_at": None},
    ],
    ids=["merged", "closed as duplicate", "reopened"],
)
async def test_a_merged_or_reopened_request_is_never_surveyed(fields: dict[str, object]) -> None:
    store = FakeStore()
    store.put_request(closed(**fields))
    assert not await asked(store)
    assert store.surveys.invitations == {} and store.events == []


async def test_a_closure_older_than_the_send_window_is_left_alone() -> None:
    store = FakeStore()
    store.put_request(closed())
    assert not await asked(store, DUE + POLICY.send_within)
    assert store.surveys.invitations == {}


async def test_anonymous_none_and_opted_out_reporters_are_recorded_but_not_asked() -> None:
    store = FakeStore()
    quiet = Resident(
        id=uuid4(),
        created_at=CLOSED_AT,
        emails=["lupe@example.net"],
        contact_preference=ContactPreference.NONE,
    )
    store.residents[quiet.id] = quiet
    store.put_request(closed("26-00000001", reporter=Reporter()))
    store.put_request(closed("26-00000002", resident_id=quiet.id))
    store.put_request(closed("26-00000003"))
    opt_outs = MemoryOptOuts()
    await opt_outs.add("rosa@example.net", CLOSED_AT, "link")
    asked_count = await invite_all_due(
        context(store), candidates=AllClosed(store), policy=POLICY, opt_outs=opt_outs
    )
    assert asked_count == 0 and store.events == []
    skipped = {n: i.skipped for n, i in store.surveys.invitations.items()}
    assert skipped == {
        "26-00000001": NO_CONTACT,
        "26-00000002": NO_CONTACT,
        "26-00000003": OPTED_OUT,
    }


async def test_a_resident_who_chose_texts_is_asked_by_text() -> None:
    store = FakeStore()
    texts = Resident(
        id=uuid4(),
        created_at=CLOSED_AT,
        phones=["410-555-0100"],
        contact_preference=ContactPreference.SMS,
    )
    store.residents[texts.id] = texts
    store.put_request(closed(resident_id=texts.id))
    assert await asked(store)
    assert store.surveys.invitations["26-00000001"].channel == "sms"


class AllClosed:
    def __init__(self, store: FakeStore) -> None:
        self._store = store

    async def due(self, policy: SurveyPolicy, now: datetime) -> list[str]:
        return sorted(self._store.requests)

"""Logging a contact against the in-memory fakes: who may, what is stored, what is refused.

Clock: Mon 2026-06-15 14:00 UTC. Public Works owns the pothole service; one article exists.
"""

from datetime import UTC, datetime, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

import pytest

from domain.cases.model import Case, CaseType, Referral, ReferralTarget
from domain.contacts.use_cases import MAX_FAN_OUT, LogCase, log_case
from domain.directory.catalog import Department, Service, SlaPolicy
from domain.directory.permissions import Principal
from domain.directory.users import Role, Tier
from domain.knowledge.model import Article, ArticleContent, ArticleStatus, Labels
from domain.requests.use_cases import SubmitServiceRequest
from domain.residents.model import Reporter, Resident
from domain.residents.use_cases import ResidentDetails
from domain.shared.clock import FixedClock
from domain.shared.context import Context
from domain.shared.errors import Forbidden, ValidationFailed
from domain.shared.events import EventType
from domain.shared.sla import BusinessHours
from domain.shared.vocabulary import Actor, Channel
from tests.unit.builders import principal
from tests.unit.fakes import FakeGeocoder, FakeJurisdictions, FakeStore, FakeUnitOfWorkFactory
from tests.unit.wiring import Wiring

NOW = datetime(2026, 6, 15, 14, 0, tzinfo=UTC)
AGENT = principal(Role.AGENT, number=3)
SUPERVISOR = principal(Role.SUPERVISOR, number=2)
ADMIN = principal(Role.ADMIN, number=1)
PW_MANAGER = principal(Role.STAFF, "public-works", Tier.MANAGER, number=5)
PW_EMPLOYEE = principal(Role.STAFF, "public-works", Tier.EMPLOYEE, number=4)
POTHOLE = Service("pothole", "Pothole", "public-works", SlaPolicy(12))
ANA_ID = UUID(int=70)
ANA = Resident(
    ANA_ID,
    NOW - timedelta(days=30),
    first_name="Ana",
    last_name="Lopez",
    phones=["410 555 0101"],
    emails=["ana@example.org"],
    preferred_language="es",
)
HOLE = SubmitServiceRequest("pothole", description="Hole by the bus stop")


@pytest.fixture
def factory() -> FakeUnitOfWorkFactory:
    store = FakeStore()
    store.put_department(Department("public-works", "Public Works"))
    store.put_service(POTHOLE)
    store.residents[ANA_ID] = ANA
    article = Article.write(
        ArticleContent("Bulk trash days"), Labels(), ArticleStatus.PUBLISHED, Actor(None, "e"), NOW
    )
    store.knowledge.put_article(article)
    return FakeUnitOfWorkFactory(store)


@pytest.fixture
def wiring(factory: FakeUnitOfWorkFactory) -> Wiring:
    hours = BusinessHours(ZoneInfo("America/New_York"))
    return Wiring(Context(factory, FixedClock(NOW)), hours, FakeJurisdictions(), FakeGeocoder())


def field_errors(failure: pytest.ExceptionInfo[ValidationFailed]) -> list[str]:
    return [e.field for e in failure.value.errors]


def nothing_committed(factory: FakeUnitOfWorkFactory) -> bool:
    store = factory.store
    return not store.cases and not store.requests and not store.events


async def log(wiring: Wiring, command: LogCase, who: Principal = AGENT) -> Case:
    return await log_case(wiring.context, command, who, **wiring.places)


# --- who, and what is stored -----------------------------------------------------------------


@pytest.mark.parametrize("who", [AGENT, SUPERVISOR, ADMIN])
async def test_the_call_center_logs_a_contact_as_itself(
    wiring: Wiring, factory: FakeUnitOfWorkFactory, who: Principal
) -> None:
    command = LogCase(
        Channel.PHONE,
        CaseType.INFORMATION,
        language="es",
        summary="  Asked about trash days  ",
        notes="  Caller was upset  ",
        resident_id=ANA_ID,
        tags=("Trash", "trash "),
        call_id="call-9",
    )
    case = await log(wiring, command, who)
    assert factory.store.cases == {case.id: case}
    assert (case.agent_id, case.agent_name) == (who.user_id, who.name)
    assert (case.created_at, case.updated_at, case.version) == (NOW, NOW, 1)
    assert (case.summary, case.notes) == ("Asked about trash days", "Caller was upset")
    assert case.resident_id == ANA_ID
    assert case.tags == ["trash"]
    assert case.call_id == "call-9"


@pytest.mark.parametrize("who", [PW_MANAGER, PW_EMPLOYEE])
async def test_department_staff_may_not_log_contacts(
    wiring: Wiring, factory: FakeUnitOfWorkFactory, who: Principal
) -> None:
    with pytest.raises(Forbidden):
        await log(wiring, LogCase(Channel.PHONE, CaseType.INFORMATION), who)
    assert nothing_committed(factory)
    assert factory.units == []


async def test_the_created_event_carries_public_facts_only(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    command = LogCase(
        Channel.EMAIL, CaseType.COMPLAINT, language="en", notes="Ana says...", resident_id=ANA_ID
    )
    case = await log(wiring, command)
    [event] = factory.store.events
    assert (event.type, event.subject, event.occurred_at) == (
        EventType.CASE_CREATED,
        str(case.id),
        NOW,
    )
    assert event.data == {
        "channel": "email",
        "type": "complaint",
        "request_ids": [],
        "language": "en",
    }


# --- the caller ------------------------------------------------------------------------------


async def test_a_new_caller_is_matched_by_email_to_the_known_resident(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    caller = ResidentDetails(first_name="Ana", emails=("ANA@example.org",), address="1 Main St")
    case = await log(wiring, LogCase(Channel.PHONE, CaseType.INFORMATION, new_resident=caller))
    assert case.resident_id == ANA_ID
    assert list(factory.store.residents) == [ANA_ID]
    assert factory.store.residents[ANA_ID].address == "1 Main St"


async def test_an_unknown_new_caller_becomes_a_resident(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    caller = ResidentDetails(first_name="Bo", phones=("410 555 0199",))
    case = await log(wiring, LogCase(Channel.WALK_IN, CaseType.INFORMATION, new_resident=caller))
    assert case.resident_id is not None and case.resident_id != ANA_ID
    assert factory.store.residents[case.resident_id].first_name == "Bo"


async def test_an_unknown_resident_id_is_refused(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    with pytest.raises(ValidationFailed) as failure:
        await log(wiring, LogCase(Channel.PHONE, CaseType.INFORMATION, resident_id=UUID(int=404)))
    assert field_errors(failure) == ["resident"]
    assert nothing_committed(factory)


@pytest.mark.parametrize(
    ("command", "fields"),
    [
        (
            LogCase(Channel.PHONE, CaseType.INFORMATION, anonymous=True, resident_id=ANA_ID),
            ["anonymous"],
        ),
        (
            LogCase(
                Channel.PHONE,
                CaseType.INFORMATION,
                resident_id=ANA_ID,
                new_resident=ResidentDetails(first_name="Ana"),
            ),
            ["resident"],
        ),
        (
            LogCase(
                Channel.PHONE,
                CaseType.INFORMATION,
                anonymous=True,
                new_resident=ResidentDetails(first_name="Ana"),
            ),
            ["anonymous"],
        ),
        (
            LogCase(Channel.PHONE, CaseType.INFORMATION, requests=(HOLE,) * (MAX_FAN_OUT + 1)),
            ["requests"],
        ),
        (LogCase(Channel.PHONE, CaseType.REFERRAL), ["referral"]),
        (LogCase(Channel.PHONE, CaseType.INFORMATION, summary="x" * 1001), ["summary"]),
    ],
    ids=["anonymous-resident", "both-callers", "anonymous-new", "fan-out", "referral", "summary"],
)
async def test_a_badly_shaped_contact_is_refused(
    wiring: Wiring, factory: FakeUnitOfWorkFactory, command: LogCase, fields: list[str]
) -> None:
    with pytest.raises(ValidationFailed) as failure:
        await log(wiring, command)
    assert field_errors(failure) == fields
    assert nothing_committed(factory)


async def test_a_referral_keeps_where_it_sent_the_caller(wiring: Wiring) -> None:
    referral = Referral(ReferralTarget.EXTERNAL, "Gas company", "+1 800 555 0100")
    case = await log(wiring, LogCase(Channel.PHONE, CaseType.REFERRAL, referral=referral))
    assert case.referral == referral


# --- links: requests, articles, departments --------------------------------------------------


async def test_linked_requests_must_exist(wiring: Wiring, factory: FakeUnitOfWorkFactory) -> None:
    command = LogCase(Channel.PHONE, CaseType.STATUS_INQUIRY, request_ids=("26-00000404",))
    with pytest.raises(ValidationFailed, match="26-00000404 is not a known request"):
        await log(wiring, command)
    assert nothing_committed(factory)


async def test_articles_used_count_once_each_and_must_exist(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    await log(wiring, LogCase(Channel.PHONE, CaseType.INFORMATION, article_ids=(1, 1)))
    assert factory.store.knowledge.state.articles[1].use_count == 1
    with pytest.raises(ValidationFailed) as failure:
        await log(wiring, LogCase(Channel.PHONE, CaseType.INFORMATION, article_ids=(1, 9)))
    assert field_errors(failure) == ["article_ids"]
    assert factory.store.knowledge.state.articles[1].use_count == 1  # rolled back
    assert len(factory.store.cases) == 1


async def test_the_department_a_complaint_is_about_must_exist(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    case = await log(
        wiring, LogCase(Channel.PHONE, CaseType.PRAISE, department_code="public-works")
    )
    assert factory.store.cases[case.id].department_code == "public-works"
    with pytest.raises(ValidationFailed, match="parks is not a department"):
        await log(wiring, LogCase(Channel.PHONE, CaseType.COMPLAINT, department_code="parks"))
    assert len(factory.store.cases) == 1


# --- requests opened with the contact --------------------------------------------------------


async def test_requests_open_with_the_callers_details_and_the_contacts_channel(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    first = await log(wiring, LogCase(Channel.PHONE, CaseType.SERVICE_REQUEST, requests=(HOLE,)))
    command = LogCase(
        Channel.PHONE,
        CaseType.STATUS_INQUIRY,
        resident_id=ANA_ID,
        request_ids=tuple(first.request_ids),
        requests=(HOLE,),
    )
    case = await log(wiring, command)
    assert case.request_ids == ["26-00000001", "26-00000002"]  # linked first, then opened
    opened = factory.store.requests["26-00000002"]
    assert opened.channel is Channel.PHONE  # the contact's, not the body's default (api)
    assert opened.resident_id == ANA_ID
    assert opened.reporter == Reporter("Ana", "Lopez", "ana@example.org", "410 555 0101", "es")
    # requests opened with a contact get no contact record of their own
    assert sorted(c.id for c in factory.store.cases.values()) == sorted([first.id, case.id])


async def test_an_anonymous_contact_strips_the_reporter_but_keeps_the_language(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    body = SubmitServiceRequest(
        "pothole", reporter=Reporter("Ana", email="a@example.org", language="es")
    )
    command = LogCase(Channel.PHONE, CaseType.SERVICE_REQUEST, anonymous=True, requests=(body,))
    case = await log(wiring, command)
    opened = factory.store.requests[case.request_ids[0]]
    assert opened.reporter == Reporter(language="es")
    assert opened.resident_id is None
    assert list(factory.store.residents) == [ANA_ID]


async def test_one_bad_request_fails_the_whole_contact_and_names_its_index(
    wiring: Wiring, factory: FakeUnitOfWorkFactory
) -> None:
    caller = ResidentDetails(first_name="Bo", phones=("410 555 0199",))
    command = LogCase(
        Channel.PHONE,
        CaseType.SERVICE_REQUEST,
        new_resident=caller,
        requests=(HOLE, SubmitServiceRequest("no-such-service")),
    )
    with pytest.raises(ValidationFailed) as failure:
        await log(wiring, command)
    assert field_errors(failure) == ["requests[1].service_code"]
    assert nothing_committed(factory)
    assert list(factory.store.residents) == [ANA_ID]

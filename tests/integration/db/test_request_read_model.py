"""RequestReadModel: filters, newest-first keyset paging, timelines, one query per list."""

import base64
import json
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.read_models.requests import RequestReadModel
from domain.requests.model import CloseReason, EntryKind, ServiceRequest, Status, TimelineEntry
from domain.requests.queries import RequestFilter
from domain.shared.errors import ValidationFailed
from domain.shared.vocabulary import Actor, Visibility
from tests.integration.builders import (
    HOURS,
    MANAGER_ID,
    RESIDENT,
    STAFF_ID,
    add_requests,
    at,
    make_request,
)
from tests.statements import statements

pytestmark = pytest.mark.usefixtures("seeded")

MANAGER = Actor(MANAGER_ID, "Morgan Manager")


def six_requests() -> list[ServiceRequest]:
    return [
        make_request(
            "26-00000001",
            requested_at=at(0),
            description="Deep pothole, 50% of the lane",
        ),
        make_request(
            "26-00000002",
            requested_at=at(1),
            updated_at=at(3),
            status=Status.IN_PROGRESS,
            assignee_id=STAFF_ID,
            description="Pothole 500 mm wide",
        ),
        make_request(
            "26-00000003",
            service_code="bge-stlights-out",
            department_code="bge",
            requested_at=at(2),
            updated_at=at(4),
            status=Status.CLOSED,
            close_reason=CloseReason.RESOLVED,
            closed_at=at(4),
            description="Light out on snake_case street",
        ),
        make_request(
            "26-00000004",
            service_code="bge-stlights-out",
            department_code="bge",
            requested_at=at(3),
            status=Status.ACKNOWLEDGED,
            description="Light out on snakeXcase street",
        ),
        make_request(
            "26-00000005",
            service_code="sw-dirty-alley",
            department_code="solid-waste",
            requested_at=at(4),
            updated_at=at(6),
            status=Status.ON_HOLD,
            on_hold_since=at(6),
            assignee_id=MANAGER_ID,
            description="Alley behind 26-00000001 is full, see C:\\photos",
        ),
        make_request(
            "26-00000006",
            service_code="trs-abandoned-vehicle",
            requested_at=at(5),
            description="Abandoned car",
        ),
    ]


@pytest.fixture
async def six(seeded: AsyncEngine) -> RequestReadModel:
    await add_requests(seeded, *six_requests())
    return RequestReadModel(seeded)


async def ids(model: RequestReadModel, **filters: Any) -> list[str]:
    page = await model.page(RequestFilter(**filters))
    assert page.next_cursor is None
    return [r.id for r in page.items]


def numbered(*numbers: int) -> list[str]:
    return [f"26-{n:08d}" for n in numbers]


async def test_page_without_filters_is_newest_first_and_complete(six: RequestReadModel) -> None:
    page = await six.page(RequestFilter())
    assert [r.id for r in page.items] == numbered(6, 5, 4, 3, 2, 1)
    assert page.next_cursor is None
    by_id = {r.id: r for r in six_requests()}
    assert page.items == [by_id[r.id] for r in page.items]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"statuses": ["new"]}, [6, 1]),
        ({"statuses": ["new", "closed"]}, [6, 3, 1]),
        ({"statuses": ["on_hold"]}, [5]),
        ({"statuses": ["no-such-status"]}, []),
        ({"service_codes": ["bge-stlights-out"]}, [4, 3]),
        ({"service_codes": ["sw-dirty-alley", "trs-abandoned-vehicle"]}, [6, 5]),
        ({"department": "transportation"}, [6, 2, 1]),
        ({"department": "health"}, []),
        ({"department": "transportation", "statuses": ["new"]}, [6, 1]),
        ({"statuses": ["in_progress", "on_hold"], "service_codes": ["sw-dirty-alley"]}, [5]),
    ],
)
async def test_status_service_and_department_filters(
    six: RequestReadModel, filters: dict[str, Any], expected: list[int]
) -> None:
    assert await ids(six, **filters) == numbered(*expected)


async def test_assignee_filter(six: RequestReadModel) -> None:
    assert await ids(six, assignee_id=STAFF_ID) == numbered(2)
    assert await ids(six, assignee_id=MANAGER_ID) == numbered(5)


async def test_created_from_is_inclusive_and_created_to_exclusive(six: RequestReadModel) -> None:
    assert await ids(six, created_from=at(2)) == numbered(6, 5, 4, 3)
    assert await ids(six, created_to=at(2)) == numbered(2, 1)
    assert await ids(six, created_from=at(1), created_to=at(4)) == numbered(4, 3, 2)
    assert await ids(six, created_from=at(5.5)) == []


async def test_updated_after_is_strict(six: RequestReadModel) -> None:
    # 2 and 4 were last updated exactly at hour 3
    assert await ids(six, updated_after=at(3)) == numbered(6, 5, 3)
    assert await ids(six, updated_after=at(2.999)) == numbered(6, 5, 4, 3, 2)
    assert await ids(six, updated_after=at(6)) == []


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("50%", [1]),  # a wildcard in LIKE; here punctuation, and "50" is not "500"
        ("%", []),  # no letter or digit: nothing to look for
        ("snake_case", [3]),  # a wildcard in LIKE; here the words "snake" and "case"
        ("_", []),
        ("\\", []),
        ("C:\\photos", [5]),
        ("LIGHT OUT", [4, 3]),  # case-insensitive
        ("pothole", [2, 1]),
        ("  pothole  ", [2, 1]),
        ("no such words", []),
    ],
)
async def test_q_takes_wildcards_and_punctuation_as_word_breaks(
    six: RequestReadModel, q: str, expected: list[int]
) -> None:
    assert await ids(six, q=q) == numbered(*expected)


async def test_q_equal_to_an_id_finds_that_request(six: RequestReadModel) -> None:
    assert await ids(six, q="26-00000002") == numbered(2)
    assert await ids(six, q=" 26-00000004 ") == numbered(4)
    # 5 mentions 1 in its description
    assert await ids(six, q="26-00000001") == numbered(5, 1)


async def test_visible_department_confines_every_other_filter(six: RequestReadModel) -> None:
    assert await ids(six, visible_department="bge") == numbered(4, 3)
    assert await ids(six, visible_department="bge", department="transportation") == []
    assert await ids(six, visible_department="bge", q="26-00000002") == []
    assert await ids(six, visible_department="transportation", q="pothole") == numbered(2, 1)
    assert await ids(six, visible_department="health") == []


async def test_get_reads_one_request(six: RequestReadModel) -> None:
    assert await six.get("26-00000003") == six_requests()[2]
    assert await six.get("26-00000099") is None


def twenty_five() -> list[ServiceRequest]:
    """Three requests share each hour, so the id breaks ties in the ordering."""
    return [
        make_request(
            f"26-{n:08d}",
            service_code="bge-stlights-out" if n % 2 else "trm-pothole-repair",
            department_code="bge" if n % 2 else "transportation",
            requested_at=at(n // 3),
            description=f"request number {n}",
        )
        for n in range(1, 26)
    ]


def newest_first(requests: list[ServiceRequest]) -> list[str]:
    ordered = sorted(requests, key=lambda r: (r.requested_at, r.id), reverse=True)
    return [r.id for r in ordered]


async def walk(model: RequestReadModel, **filters: Any) -> tuple[list[list[str]], list[str]]:
    pages: list[list[str]] = []
    cursors: list[str] = []
    cursor = None
    while True:
        page = await model.page(RequestFilter(cursor=cursor, **filters))
        pages.append([r.id for r in page.items])
        if page.next_cursor is None:
            return pages, cursors
        cursors.append(page.next_cursor)
        cursor = page.next_cursor
        assert len(pages) <= 30, "paging does not end"


@pytest.mark.parametrize(
    ("limit", "sizes"),
    [
        (10, [10, 10, 5]),
        (5, [5, 5, 5, 5, 5]),  # an exact multiple: no trailing empty page
        (25, [25]),
        (100, [25]),
        (1, [1] * 25),
    ],
)
async def test_cursor_paging_returns_each_request_once_in_order(
    seeded: AsyncEngine, limit: int, sizes: list[int]
) -> None:
    requests = twenty_five()
    await add_requests(seeded, *requests)

    pages, cursors = await walk(RequestReadModel(seeded), limit=limit)

    assert [len(p) for p in pages] == sizes
    assert [i for p in pages for i in p] == newest_first(requests)
    assert len(set(cursors)) == len(cursors)


async def test_cursor_paging_keeps_the_filters(seeded: AsyncEngine) -> None:
    requests = twenty_five()
    await add_requests(seeded, *requests)

    pages, _ = await walk(RequestReadModel(seeded), limit=4, department="bge")

    assert [len(p) for p in pages] == [4, 4, 4, 1]
    bge = [r for r in requests if r.department_code == "bge"]
    assert [i for p in pages for i in p] == newest_first(bge)


async def test_a_cursor_points_after_the_last_item_of_its_page(seeded: AsyncEngine) -> None:
    requests = twenty_five()
    await add_requests(seeded, *requests)
    model = RequestReadModel(seeded)

    first = await model.page(RequestFilter(limit=10))
    assert first.next_cursor is not None
    last = first.items[-1]
    decoded = base64.urlsafe_b64decode(first.next_cursor + "=" * (-len(first.next_cursor) % 4))
    assert json.loads(decoded) == [last.requested_at.isoformat(), last.id]


def _b64(payload: bytes) -> str:
    return base64.urlsafe_b64encode(payload).decode().rstrip("=")


@pytest.mark.parametrize(
    "cursor",
    [
        "not a cursor!",
        "a",
        _b64(b"not json"),
        _b64(b'{"at": "2026-03-02T09:00:00+00:00", "id": "26-00000001"}'),
        _b64(b"[1, 2]"),
        _b64(b'["yesterday", "26-00000001"]'),
        _b64(b'["2026-03-02T09:00:00+00:00"]'),
        _b64(b'["2026-03-02T09:00:00+00:00", "26-00000001", "extra"]'),
        _b64(b"null"),
        _b64(b"\xff\xfe\xfa"),
    ],
)
async def test_a_tampered_cursor_is_refused(seeded: AsyncEngine, cursor: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        await RequestReadModel(seeded).page(RequestFilter(cursor=cursor))
    assert [(e.field, e.message) for e in refused.value.errors] == [
        ("cursor", "is not a cursor this API issued")
    ]


async def test_a_truncated_cursor_is_refused(seeded: AsyncEngine) -> None:
    await add_requests(seeded, *twenty_five())
    model = RequestReadModel(seeded)
    cursor = (await model.page(RequestFilter(limit=10))).next_cursor
    assert cursor is not None
    with pytest.raises(ValidationFailed):
        await model.page(RequestFilter(cursor=cursor[:-6]))


async def test_a_page_is_one_query(seeded: AsyncEngine) -> None:
    requests = twenty_five()
    for request in requests:
        request.record_submission(RESIDENT, HOURS)
        request.comment("note", Visibility.INTERNAL, MANAGER, request.requested_at)
    await add_requests(seeded, *requests)
    model = RequestReadModel(seeded)
    warm = await model.page(RequestFilter(limit=10))  # connections made before counting
    assert warm.next_cursor is not None

    with statements(seeded) as seen:
        page = await model.page(
            RequestFilter(
                limit=20,
                statuses=["new"],
                q="request",
                cursor=warm.next_cursor,
                visible_department="bge",
            )
        )
    assert len(page.items) == 8
    assert len(seen) == 1
    assert seen[0].lstrip().upper().startswith("SELECT")

    with statements(seeded) as seen:
        everything = await model.page(RequestFilter(limit=25))
    assert len(everything.items) == 25
    assert len(seen) == 1

    with statements(seeded) as seen:
        timeline = await model.timeline("26-00000001")
    assert len(timeline) == 2
    assert len(seen) == 1


def timeline_request() -> ServiceRequest:
    request = make_request("26-00000001", description="Pothole")
    request.record_submission(RESIDENT, HOURS)
    request.comment("Crew is short this week", Visibility.INTERNAL, MANAGER, at(1))
    request.assign(STAFF_ID, MANAGER, at(2))
    request.comment("We are on it", Visibility.PUBLIC, MANAGER, at(3))
    request.transition(Status.IN_PROGRESS, MANAGER, at(4), HOURS)
    return request


CREATED = TimelineEntry(
    EntryKind.CREATED, at(0), RESIDENT, Visibility.PUBLIC, {"status": "new", "channel": "api"}
)
INTERNAL_NOTE = TimelineEntry(
    EntryKind.COMMENT, at(1), MANAGER, Visibility.INTERNAL, {"body": "Crew is short this week"}
)
ASSIGNED = TimelineEntry(
    EntryKind.ASSIGNMENT,
    at(2),
    MANAGER,
    Visibility.INTERNAL,
    {"from": None, "to": str(STAFF_ID)},
)
PUBLIC_NOTE = TimelineEntry(
    EntryKind.COMMENT, at(3), MANAGER, Visibility.PUBLIC, {"body": "We are on it"}
)
STARTED = TimelineEntry(
    EntryKind.STATUS, at(4), MANAGER, Visibility.PUBLIC, {"from": "new", "to": "in_progress"}
)


async def test_timeline_in_order_with_and_without_internal_entries(seeded: AsyncEngine) -> None:
    await add_requests(seeded, timeline_request(), make_request("26-00000002"))
    model = RequestReadModel(seeded)

    assert await model.timeline("26-00000001") == [
        CREATED,
        INTERNAL_NOTE,
        ASSIGNED,
        PUBLIC_NOTE,
        STARTED,
    ]
    assert await model.timeline("26-00000001", include_internal=True) == [
        CREATED,
        INTERNAL_NOTE,
        ASSIGNED,
        PUBLIC_NOTE,
        STARTED,
    ]
    assert await model.timeline("26-00000001", include_internal=False) == [
        CREATED,
        PUBLIC_NOTE,
        STARTED,
    ]
    assert await model.timeline("26-00000002") == []
    assert await model.timeline("26-00000099", include_internal=False) == []

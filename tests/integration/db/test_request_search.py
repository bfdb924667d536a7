"""Queue search (`q`): addresses, references, external ids, descriptions and address hints,
in one query on a GIN index of our own words (core PostgreSQL, no extension)."""

from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.read_models.requests import RequestReadModel, page_query
from domain.requests.model import Location, ServiceRequest, Status
from domain.requests.queries import RequestFilter
from tests.integration.builders import add_requests, at, make_request

pytestmark = pytest.mark.usefixtures("seeded")

SEARCH_INDEX = "ix_service_requests_search"


def requests() -> list[ServiceRequest]:
    return [
        make_request(
            "26-00000001",
            requested_at=at(0),
            description="Deep pothole",
            location=Location(39.29, -76.59, "2125 EASTERN AVE"),
        ),
        make_request(
            "26-00000002",
            requested_at=at(1),
            description="Pothole by the school",
            location=Location(39.3, -76.6, "6010 EASTERN PKWY"),
            external_id="WO-2026-7781",
        ),
        make_request(
            "26-00000010",
            requested_at=at(2),
            description="Bache en la calle Ñandú, see 26-00000001",
            address_hint="behind Lexington Market",
        ),
        make_request(
            "26-00000011",
            service_code="sw-dirty-alley",
            department_code="solid-waste",
            requested_at=at(3),
            status=Status.CLOSED,
            description="Alley full",
            location=Location(39.28, -76.61, "100 N EUTAW ST"),
        ),
        make_request("25-00000001", requested_at=at(-500), description="Last year's"),
    ]


@pytest.fixture
async def model(seeded: AsyncEngine) -> RequestReadModel:
    await add_requests(seeded, *requests())
    return RequestReadModel(seeded)


async def found(model: RequestReadModel, q: str, **filters: Any) -> list[str]:
    page = await model.page(RequestFilter(q=q, **filters))
    return [r.id for r in page.items]


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("Eastern", ["26-00000002", "26-00000001"]),
        ("eastern ave", ["26-00000001"]),
        ("2125 EASTERN", ["26-00000001"]),
        ("east", ["26-00000002", "26-00000001"]),  # words match as prefixes, as one types
        ("eutaw", ["26-00000011"]),  # closed requests too: the status filter decides
        ("N. Eutaw St.", ["26-00000011"]),
        ("2125", ["26-00000001"]),
        ("212", []),  # numbers match whole: "1" must not list request 10 or 100 Eutaw
    ],
)
async def test_q_finds_a_request_by_its_address(
    model: RequestReadModel, q: str, expected: list[str]
) -> None:
    assert await found(model, q) == expected


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("26-00000001", ["26-00000010", "26-00000001"]),  # 10 mentions it
        (" 26-00000002 ", ["26-00000002"]),
        ("25-00000001", ["25-00000001"]),
        ("2600000001", ["26-00000010", "26-00000001"]),  # the reference as one word
        ("#2", ["26-00000002"]),
        ("1", ["26-00000001", "25-00000001"]),  # leading zeros and the year left out
        ("00000001", ["26-00000001", "25-00000001"]),
        ("10", ["26-00000010"]),
        ("26", []),  # the year alone is not a number of any request
        ("26-00000099", []),
        ("26-00000001 deep", []),  # a reference is looked up alone, not among words
    ],
)
async def test_q_finds_a_request_by_its_reference(
    model: RequestReadModel, q: str, expected: list[str]
) -> None:
    assert await found(model, q) == expected


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("WO-2026-7781", ["26-00000002"]),
        ("wo 7781", ["26-00000002"]),
        ("lexington", ["26-00000010"]),  # the address hint
        ("behind lex", ["26-00000010"]),
        ("nandu", ["26-00000010"]),  # accents folded both ways
        ("ÑANDÚ", ["26-00000010"]),
        ("pothole school", ["26-00000002"]),  # every word must match
        ("pothole eutaw", []),
        ("%", []),  # no letter or digit: nothing to look for
        ("-", []),
    ],
)
async def test_q_finds_external_ids_hints_and_descriptions(
    model: RequestReadModel, q: str, expected: list[str]
) -> None:
    assert await found(model, q) == expected


async def test_q_keeps_the_other_filters(model: RequestReadModel) -> None:
    assert await found(model, "eastern", statuses=["new"], limit=1) == ["26-00000002"]
    assert await found(model, "eutaw", visible_department="transportation") == []
    assert await found(model, "eutaw", statuses=["new"]) == []


async def _fill(engine: AsyncEngine, rows: int) -> None:
    """Many requests with ordinary words, and one at 2125 Eastern Ave; then fresh statistics."""
    async with engine.begin() as db:
        await db.execute(
            text(
                """
                INSERT INTO service_requests (id, service_code, department_code, description,
                    address, channel, priority, status, sla_target_hours, sla_calendar,
                    sla_pauses_on_hold, requested_at, updated_at)
                SELECT '26-' || lpad(n::text, 8, '0'), 'trm-pothole-repair', 'transportation',
                    'Pothole number ' || n, (n % 4000) || ' N CHARLES ST', 'phone', 'normal',
                    'new', 9, 'business', true,
                    now() - n * interval '1 minute', now() - n * interval '1 minute'
                FROM generate_series(1, :rows) n
                """
            ),
            {"rows": rows},
        )
        await db.execute(
            text("UPDATE service_requests SET address = '2125 EASTERN AVE' WHERE id = :id"),
            {"id": "26-00000777"},
        )
        await db.execute(text("ANALYZE service_requests"))


def _explain(f: RequestFilter) -> str:
    query = page_query(f).compile(
        dialect=postgresql.dialect(),  # type: ignore[no-untyped-call]
        compile_kwargs={"literal_binds": True},
    )
    return f"EXPLAIN {query}"


@pytest.mark.parametrize(
    "f",
    [
        RequestFilter(q="Eastern"),
        RequestFilter(q="26-00000777"),
        RequestFilter(q="2125 eastern av", statuses=["new"], visible_department="transportation"),
    ],
)
async def test_q_is_one_query_on_the_search_index(seeded: AsyncEngine, f: RequestFilter) -> None:
    await _fill(seeded, 5_000)
    async with seeded.connect() as db:
        plan = "\n".join(row[0] for row in await db.execute(text(_explain(f))))
    assert SEARCH_INDEX in plan, plan
    page = await RequestReadModel(seeded).page(f)
    assert [r.id for r in page.items] == ["26-00000777"]


async def test_a_number_is_looked_up_in_the_primary_key_beside_the_words(
    seeded: AsyncEngine,
) -> None:
    await _fill(seeded, 5_000)
    f = RequestFilter(q="777")
    async with seeded.connect() as db:
        plan = "\n".join(row[0] for row in await db.execute(text(_explain(f))))
    assert "BitmapOr" in plan, plan
    assert SEARCH_INDEX in plan, plan
    assert "pk_service_requests" in plan, plan
    assert "Seq Scan" not in plan, plan
    page = await RequestReadModel(seeded).page(f)
    # its number (and its description); 4777 N Charles St
    assert [r.id for r in page.items] == ["26-00000777", "26-00004777"]

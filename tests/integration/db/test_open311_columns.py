"""The Open311 list reads its rows through plain column objects: the same requests come out."""

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.read_models.open311 import (
    Open311ReadModel,
    _columns,
    _points_for,
    _public,
    _requests_query,
    t,
)
from domain.jurisdictions.model import AreaRef
from domain.requests.model import CloseReason, Location, Reporter, ServiceRequest, Status
from domain.requests.open311_reads import Open311Query
from domain.shared.sla import Interval
from tests.integration.builders import add_requests, at, make_request

pytestmark = pytest.mark.usefixtures("seeded")


def requests() -> list[ServiceRequest]:
    return [
        make_request(
            "26-00000101",
            requested_at=at(0),
            description="Pothole by Jane Roe's house, call 410-555-0100",
            location=Location(39.29, -76.61, "100 N Charles St", "21201"),
            reporter=Reporter("Jane", "Roe", "jane@example.net", "4105550100", "es"),
            attributes={"pothole_size": "large"},
            areas=[AreaRef(5, "council-districts", "11", "District 11")],
            holds=[Interval(at(1), at(2))],
            status=Status.CLOSED,
            close_reason=CloseReason.RESOLVED,
            closed_at=at(3),
            expected_at=at(9),
        ),
        make_request("26-00000102", requested_at=at(1), address_hint="near the park"),
    ]


async def test_plain_columns_give_the_requests_rows_give(seeded: AsyncEngine) -> None:
    await add_requests(seeded, *requests())
    query = Open311Query(ids=["26-00000101", "26-00000102"])
    statement = _requests_query(query, "en").order_by(t.c.requested_at.desc(), t.c.id.desc())
    async with seeded.connect() as db:
        rows = (await db.execute(statement)).all()
        points = await _points_for(db, rows)
    assert len(rows) == 2
    assert [_public(r, points) for r in _columns(rows)] == [_public(r, points) for r in rows]
    found = await Open311ReadModel(seeded).requests(query, with_notes=True, language="en")
    assert [item.request.id for item in found] == ["26-00000102", "26-00000101"]
    assert found[1].request.reporter.first_name == "Jane"
    assert "Jane" not in (found[1].description or "")
    assert _columns([]) == []

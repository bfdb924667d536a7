"""The filters of the Open311 request list.

Filters that look at text or place (`q`, `bbox`) must not tell more than the public answer
shows: a search for a masked phone number, or a box drawn round one house, would otherwise
reveal a hidden detail by which requests come back. So SQL only narrows the rows down (a wider
box for services shown by block or area, whose public address is worded at read time), and
each row is kept only if its public text or public place matches (`matches_publicly`).
"""

from typing import Any

from sqlalchemy import Select, and_, case, func, or_

from adapters.db.tables.directory import departments
from adapters.db.tables.directory import services as services_table
from adapters.db.tables.requests import service_requests
from domain.privacy.public_place import BLOCK_GRID_DEGREES, Place
from domain.requests.open311_reads import Open311Query

t = service_requests
AREA_MARGIN_DEGREES = 0.05  # a neighbourhood's point lies within about 5 km of its requests


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _margin() -> Any:
    level = services_table.c.public_location
    return case(
        (level == "exact", 0.0),
        (level == "block", BLOCK_GRID_DEGREES),
        else_=AREA_MARGIN_DEGREES,
    )


def _in_box(bbox: tuple[float, float, float, float]) -> list[Any]:
    min_long, min_lat, max_long, max_lat = bbox
    margin = _margin()
    return [
        t.c.long.between(min_long - margin, max_long + margin),
        t.c.lat.between(min_lat - margin, max_lat + margin),
    ]


def _mentions(text: str) -> Any:
    """Rows whose own text holds `text`; a block or area is worded at read time, so rows of
    services not shown exactly all go on to the public check."""
    pattern = _like(text)
    return or_(
        t.c.description.ilike(pattern),
        t.c.address.ilike(pattern),
        t.c.address_hint.ilike(pattern),
        services_table.c.public_location != "exact",
    )


def where(query: Select[Any], f: Open311Query, agency_name: Any = None) -> Select[Any]:
    """`agency_name`: the department's name in the language asked for, also accepted."""
    if f.ids:
        return query.where(t.c.id.in_(f.ids))
    conditions: list[Any] = []
    if f.service_codes:
        conditions.append(t.c.service_code.in_(f.service_codes))
    if f.requested_from is not None:
        conditions.append(t.c.requested_at >= f.requested_from)
    if f.requested_to is not None:
        conditions.append(t.c.requested_at <= f.requested_to)
    if f.closed is not None:
        conditions.append((t.c.status == "closed") if f.closed else (t.c.status != "closed"))
    if f.updated_after is not None:
        conditions.append(t.c.updated_at > f.updated_after)
    if f.updated_before is not None:
        conditions.append(t.c.updated_at < f.updated_before)
    if f.bbox is not None:
        conditions += _in_box(f.bbox)
    if f.q:
        conditions.append(_mentions(f.q))
    if f.agency:
        agency = f.agency.strip().lower()
        names = [func.lower(departments.c.name)]
        names += [] if agency_name is None else [func.lower(agency_name)]
        conditions.append(or_(*(name == agency for name in names), t.c.department_code == agency))
    return query.where(and_(*conditions)) if conditions else query


def matches_publicly(f: Open311Query, description: str | None, place: Place) -> bool:
    if f.q and f.q.lower() not in f"{description or ''}\n{place.address or ''}".lower():
        return False
    if f.bbox is not None:
        min_long, min_lat, max_long, max_lat = f.bbox
        if place.lat is None or place.long is None:
            return False
        return min_long <= place.long <= max_long and min_lat <= place.lat <= max_lat
    return True

"""GET requests filters: GeoReport's, with the extensions real cities use.

Empty parameters count as absent. `service_request_id` overrides every other filter. Without
any date filter the window is the last 90 days; `start_date`/`end_date` (on the requested
time) may span at most 90 days; `updated_after`/`updated_before` (on the last update) alone
drop the default window, so a client can sync changes to older requests.
"""

import math
from datetime import datetime, timedelta, tzinfo

from api.open311.errors import Open311Error
from domain.requests.open311_reads import Open311Query

MAX_SPAN = timedelta(days=90)
MAX_RESULTS = 1000
MAX_IDS = 1000


def optional(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if "\x00" in value:
        raise Open311Error(400, "a parameter holds a NUL character")
    return value or None


def csv(value: str | None, name: str, limit: int, max_length: int = 64) -> list[str]:
    items = [part.strip() for part in (optional(value) or "").split(",") if part.strip()]
    if len(items) > limit or any(len(item) > max_length for item in items):
        raise Open311Error(400, f"{name} lists too many or too long values")
    return list(dict.fromkeys(items))


def when(value: str | None, name: str, zone: tzinfo) -> datetime | None:
    """A W3C datetime; without an offset it is read in the city's time zone."""
    raw = optional(value)
    if raw is None:
        return None
    try:
        parsed = datetime.fromisoformat(raw.replace(" ", "+") if "T" in raw else raw)
    except ValueError:
        raise Open311Error(
            400, f"{name} must be a W3C datetime, e.g. 2026-11-25T08:00:00Z"
        ) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=zone)


def whole(value: str | None, name: str, low: int, high: int) -> int | None:
    raw = optional(value)
    if raw is None:
        return None
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise Open311Error(400, f"{name} must be a whole number from {low} to {high}")
    return int(raw)


def closed_filter(value: str | None) -> bool | None:
    statuses = set(csv(value, "status", 2))
    if not statuses <= {"open", "closed"}:
        raise Open311Error(400, "status must be open, closed, or both")
    return None if len(statuses) != 1 else statuses == {"closed"}


def bbox(value: str | None) -> tuple[float, float, float, float] | None:
    raw = optional(value)
    if raw is None:
        return None
    try:
        numbers = [float(part) for part in raw.split(",")]
    except ValueError:
        numbers = []
    ok = len(numbers) == 4 and all(math.isfinite(n) for n in numbers)
    if not ok or not (
        -180 <= numbers[0] <= numbers[2] <= 180 and -90 <= numbers[1] <= numbers[3] <= 90
    ):
        raise Open311Error(400, "bbox must be min_long,min_lat,max_long,max_lat")
    return numbers[0], numbers[1], numbers[2], numbers[3]


def window(
    start: datetime | None, end: datetime | None, now: datetime, default: bool
) -> tuple[datetime | None, datetime | None]:
    if start is None and end is None:
        return (now - MAX_SPAN, None) if default else (None, None)
    if start is not None and end is None:
        end = start + MAX_SPAN
    if end is not None and start is None:
        start = end - MAX_SPAN
    assert start is not None and end is not None
    if end < start:
        raise Open311Error(400, "end_date is before start_date")
    if end - start > MAX_SPAN:
        raise Open311Error(400, "start_date and end_date may be at most 90 days apart")
    return start, end


def build_query(params: dict[str, str | None], zone: tzinfo, now: datetime) -> Open311Query:
    ids = csv(params.get("service_request_id"), "service_request_id", MAX_IDS)
    page = whole(params.get("page"), "page", 1, 100_000) or 1
    page_size = whole(params.get("page_size"), "page_size", 1, MAX_RESULTS) or MAX_RESULTS
    if ids:
        return Open311Query(ids=ids, limit=MAX_IDS)
    start = when(params.get("start_date"), "start_date", zone)
    end = when(params.get("end_date"), "end_date", zone)
    updated_after = when(params.get("updated_after"), "updated_after", zone)
    updated_before = when(params.get("updated_before"), "updated_before", zone)
    by_update = updated_after is not None or updated_before is not None
    requested_from, requested_to = window(start, end, now, default=not by_update)
    q = optional(params.get("q"))
    agency = optional(params.get("agency_responsible"))
    if (q and len(q) > 200) or (agency and len(agency) > 200):
        raise Open311Error(400, "q and agency_responsible take at most 200 characters")
    return Open311Query(
        service_codes=csv(params.get("service_code"), "service_code", 100),
        requested_from=requested_from,
        requested_to=requested_to,
        closed=closed_filter(params.get("status")),
        updated_after=updated_after,
        updated_before=updated_before,
        bbox=bbox(params.get("bbox")),
        q=q,
        agency=agency,
        limit=page_size,
        offset=(page - 1) * page_size,
    )

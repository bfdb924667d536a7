"""Service-level targets: when a service request is due, and how much working time it has used.

Both functions are pure: the answer depends only on the instants given, the service's target and
calendar, the opening hours of the jurisdiction and the intervals the request spent on hold.
All arithmetic is done on UTC instants; local time is consulted only to place the opening-hours
windows of the business calendar.
"""

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

__all__ = [
    "BusinessHours",
    "Interval",
    "SlaCalendar",
    "expected_datetime",
    "working_time_between",
]

_ZERO = timedelta(0)
_ONE_DAY = timedelta(days=1)
_END_OF_TIME = datetime.max.replace(tzinfo=UTC)
_WEEKDAYS = frozenset(range(7))

# A half-open span [start, end) of UTC instants.
_Span = tuple[datetime, datetime]


class SlaCalendar(StrEnum):
    """Which clock a service's SLA target runs on."""

    BUSINESS = "business"  # Mon-Fri 08:00-17:00 local time, minus holidays
    ALWAYS = "24x7"  # wall-clock (real elapsed) time


def _require_aware(value: datetime, name: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime, got naive {value!r}")


@dataclass(frozen=True)
class BusinessHours:
    """Opening hours of a jurisdiction, as local wall-clock times in ``tz``."""

    tz: ZoneInfo
    opens: time = time(8, 0)
    closes: time = time(17, 0)
    workdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})  # Monday=0
    holidays: frozenset[date] = frozenset()

    def __post_init__(self) -> None:
        if self.opens.tzinfo is not None or self.closes.tzinfo is not None:
            raise ValueError("opens and closes are local wall-clock times; give them no tzinfo")
        if self.opens >= self.closes:
            raise ValueError(f"opens ({self.opens}) must be earlier than closes ({self.closes})")
        if not self.workdays:
            raise ValueError("workdays must name at least one weekday")
        if not self.workdays <= _WEEKDAYS:
            raise ValueError(f"workdays must be weekday numbers 0-6, got {sorted(self.workdays)}")
        if any(isinstance(day, datetime) for day in self.holidays):
            raise ValueError("holidays must be dates, not datetimes")


@dataclass(frozen=True)
class Interval:
    """A closed stretch of time, e.g. a period during which a request was on hold."""

    start: datetime  # aware
    end: datetime  # aware, >= start

    def __post_init__(self) -> None:
        _require_aware(self.start, "Interval.start")
        _require_aware(self.end, "Interval.end")
        if self.end < self.start:
            raise ValueError(f"Interval ends ({self.end}) before it starts ({self.start})")


def expected_datetime(
    requested_at: datetime,
    target: timedelta,
    calendar: SlaCalendar,
    hours: BusinessHours,
    holds: Sequence[Interval] = (),
) -> datetime:
    """Return the instant (in UTC) by which a request must be closed to meet its SLA.

    ``target`` is an amount of *working* time, counted forward from ``requested_at``:

    * ``24x7``: real elapsed time. Arithmetic is on UTC instants, so across a DST change the
      due time's local wall-clock reading differs from a naive local addition.
    * ``business``: only time inside the opening window (``hours.opens``-``hours.closes``,
      local wall-clock time in ``hours.tz``) on a workday that is not a holiday counts.
      Holidays are local dates on which no time counts. A request made outside opening hours
      starts counting at the next opening. The window is local, so on DST-change days it is
      still 08:00-17:00 local, measured in real elapsed time.
    * Holds: time inside any hold interval does not count (the clock is paused). Holds may
      overlap and may start before ``requested_at``; they are merged first, and a hold over
      non-working time has no further effect.
    * When the target is used up exactly at the end of a window, that boundary instant is the
      answer (9 business hours from Monday 08:00 is Monday 17:00, not Tuesday 08:00).
    * A zero target returns ``requested_at`` itself (converted to UTC), even when that instant
      is outside opening hours or on hold.

    Raises ``ValueError`` for a naive datetime, a negative target or an unknown calendar.
    """
    _require_aware(requested_at, "requested_at")
    if target < _ZERO:
        raise ValueError(f"target must not be negative, got {target}")
    start = requested_at.astimezone(UTC)
    spans = _working_spans(start, SlaCalendar(calendar), hours, holds)
    if target == _ZERO:
        return start
    remaining = target
    for span_start, span_end in spans:
        length = span_end - span_start
        if remaining <= length:
            return span_start + remaining
        remaining -= length
    raise OverflowError("the SLA target runs past the largest representable datetime")


def working_time_between(
    start: datetime,
    end: datetime,
    calendar: SlaCalendar,
    hours: BusinessHours,
    holds: Sequence[Interval] = (),
) -> timedelta:
    """Return the working time between ``start`` and ``end``, not counting time on hold.

    The inverse measure of :func:`expected_datetime`, under the same calendar rules:
    ``working_time_between(t, expected_datetime(t, d, ...), ...) == d`` for every ``d > 0``.
    Raises ``ValueError`` for a naive datetime or when ``end`` is earlier than ``start``.
    """
    _require_aware(start, "start")
    _require_aware(end, "end")
    if end < start:
        raise ValueError(f"end ({end}) is earlier than start ({start})")
    finish = end.astimezone(UTC)
    total = _ZERO
    for span_start, span_end in _working_spans(
        start.astimezone(UTC), SlaCalendar(calendar), hours, holds
    ):
        if span_start >= finish:
            break
        total += min(span_end, finish) - span_start
    return total


def _working_spans(
    start: datetime, calendar: SlaCalendar, hours: BusinessHours, holds: Iterable[Interval]
) -> Iterator[_Span]:
    """Yield, in order and without end, the UTC spans from ``start`` on in which time counts."""
    spans = _calendar_spans(start, calendar, hours)
    merged = _merge(holds)
    return _without_holds(spans, merged) if merged else spans


def _calendar_spans(
    start: datetime, calendar: SlaCalendar, hours: BusinessHours
) -> Iterator[_Span]:
    if calendar == SlaCalendar.ALWAYS:
        return iter([(start, _END_OF_TIME)])
    return _business_spans(start, hours)


def _business_spans(start: datetime, hours: BusinessHours) -> Iterator[_Span]:
    """Yield each day's opening window from ``start`` on, walking one local date at a time.

    Terminates per item because ``hours`` has at least one valid workday and finitely many
    holidays; runs out only at ``date.max`` (``OverflowError``).
    """
    day = start.astimezone(hours.tz).date()
    while True:
        if _is_working_day(day, hours):
            opens, closes = _window(day, hours)
            opens = max(opens, start)
            if closes > opens:
                yield opens, closes
        day += _ONE_DAY


def _is_working_day(day: date, hours: BusinessHours) -> bool:
    return day.weekday() in hours.workdays and day not in hours.holidays


def _window(day: date, hours: BusinessHours) -> _Span:
    """The opening window of a local date as UTC instants (never reversed)."""
    opens = datetime.combine(day, hours.opens, tzinfo=hours.tz).astimezone(UTC)
    closes = datetime.combine(day, hours.closes, tzinfo=hours.tz).astimezone(UTC)
    return opens, max(opens, closes)


def _merge(holds: Iterable[Interval]) -> list[_Span]:
    """Sort holds and merge the overlapping or touching ones into disjoint UTC spans."""
    merged: list[_Span] = []
    for start, end in sorted((h.start.astimezone(UTC), h.end.astimezone(UTC)) for h in holds):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _without_holds(spans: Iterable[_Span], holds: Sequence[_Span]) -> Iterator[_Span]:
    """Cut the (sorted, disjoint) holds out of the (sorted, disjoint) spans."""
    first = 0
    for span_start, span_end in spans:
        while first < len(holds) and holds[first][1] <= span_start:
            first += 1
        cursor = span_start
        index = first
        while index < len(holds) and holds[index][0] < span_end:
            hold_start, hold_end = holds[index]
            if hold_start > cursor:
                yield cursor, hold_start
            cursor = max(cursor, hold_end)
            index += 1
        if cursor < span_end:
            yield cursor, span_end

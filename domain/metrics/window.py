"""Time windows `[from, to)` and the buckets of a series, in the city's time zone.

Bucket boundaries are computed here, not in SQL: a day is from one local midnight to the
next (23 or 25 hours across a daylight-saving change), a week starts on Monday, a month on
its first day; hours step through UTC, so the repeated hour of a fall-back night is two
buckets. The SQL only places each instant between these boundaries.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from domain.shared.errors import ValidationFailed

DEFAULT_DAYS = 30
MAX_SPAN = timedelta(days=366 * 20)
MAX_BUCKETS = 2000


class Interval(StrEnum):
    HOUR = "hour"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    TOTAL = "total"


@dataclass(frozen=True)
class Window:
    start: datetime
    end: datetime

    @property
    def length(self) -> timedelta:
        return self.end - self.start

    def previous(self) -> "Window":
        """The period of the same length just before this one."""
        return Window(self.start - self.length, self.start)


def parse_instant(field: str, text: str, zone: ZoneInfo) -> datetime:
    """RFC 3339 with an offset (or Z); a bare date means local midnight in the city's zone."""
    value = text.strip()
    try:
        if len(value) == 10:
            return _local_midnight(date.fromisoformat(value), zone)
        parsed = datetime.fromisoformat(value.replace("z", "Z"))
    except ValueError:
        raise ValidationFailed.single(field, "is not an RFC 3339 date-time") from None
    if parsed.tzinfo is None:
        raise ValidationFailed.single(field, "needs a UTC offset (e.g. Z or -05:00)")
    return parsed.astimezone(UTC)


def window_of(
    start: str | None, end: str | None, now: datetime, zone: ZoneInfo, default_days: int = 30
) -> Window:
    """`from` and `to` as given; by default the last 30 days up to now."""
    until = parse_instant("to", end, zone) if end else now.astimezone(UTC)
    since = parse_instant("from", start, zone) if start else until - timedelta(days=default_days)
    if since >= until:
        raise ValidationFailed.single("from", "must be before `to`")
    if until - since > MAX_SPAN:
        raise ValidationFailed.single("from", "the window may span at most 20 years")
    return Window(since, until)


def _local_midnight(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)


def _first_day(day: date, interval: Interval) -> date:
    if interval is Interval.WEEK:
        return day - timedelta(days=day.weekday())
    if interval is Interval.MONTH:
        return day.replace(day=1)
    return day


def _next_day(day: date, interval: Interval) -> date:
    if interval is Interval.WEEK:
        return day + timedelta(days=7)
    if interval is Interval.MONTH:
        return date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return day + timedelta(days=1)


def _hour_start(at: datetime, zone: ZoneInfo) -> datetime:
    local = at.astimezone(zone)
    return local.replace(minute=0, second=0, microsecond=0).astimezone(UTC)


def _hours(window: Window, zone: ZoneInfo) -> list[datetime]:
    starts = [_hour_start(window.start, zone)]
    while (following := _hour_start(starts[-1] + timedelta(minutes=61), zone)) < window.end:
        starts.append(following)
        _check_count(starts)
    return starts


def _days(window: Window, zone: ZoneInfo, interval: Interval) -> list[datetime]:
    day = _first_day(window.start.astimezone(zone).date(), interval)
    starts = [_local_midnight(day, zone)]
    while (following := _local_midnight(day := _next_day(day, interval), zone)) < window.end:
        starts.append(following)
        _check_count(starts)
    return starts


def _check_count(starts: list[datetime]) -> None:
    if len(starts) > MAX_BUCKETS:
        raise ValidationFailed.single(
            "interval", f"more than {MAX_BUCKETS} buckets: choose a longer interval"
        )


def bucket_starts(window: Window, interval: Interval, zone: ZoneInfo) -> list[datetime]:
    """The start of every bucket that overlaps the window, in UTC, ascending. The first may
    begin before `from` (a day starts at midnight); only instants in the window count."""
    if interval is Interval.TOTAL:
        return [window.start]
    if interval is Interval.HOUR:
        return _hours(window, zone)
    return _days(window, zone, interval)


def bucket_label(start: datetime, zone: ZoneInfo) -> str:
    """RFC 3339 in the city's local time, with its offset: 2026-11-01T00:00:00-04:00."""
    return start.astimezone(zone).isoformat()

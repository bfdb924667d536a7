"""Windows and buckets in the city's zone, daylight-saving changes included."""

from datetime import UTC, datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest

from domain.metrics.window import (
    Interval,
    Window,
    bucket_label,
    bucket_starts,
    parse_instant,
    window_of,
)
from domain.shared.errors import ValidationFailed

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 12, 4, 15, 0, tzinfo=UTC)


def labels(window: Window, interval: Interval) -> list[str]:
    return [bucket_label(b, NY) for b in bucket_starts(window, interval, NY)]


def local(text: str) -> datetime:
    return parse_instant("t", text, NY)


def test_the_default_window_is_the_last_30_days_up_to_now() -> None:
    window = window_of(None, None, NOW, NY)
    assert window == Window(NOW - timedelta(days=30), NOW)
    assert window_of("2026-12-01T00:00:00Z", None, NOW, NY).end == NOW


def test_a_bare_date_is_local_midnight_and_offsets_are_required() -> None:
    assert local("2026-11-01") == datetime(2026, 11, 1, 4, 0, tzinfo=UTC)
    assert local("2026-11-02") == datetime(2026, 11, 2, 5, 0, tzinfo=UTC)
    assert local("2026-11-02T10:00:00Z") == datetime(2026, 11, 2, 10, tzinfo=UTC)
    for bad in ("2026-11-02T10:00:00", "yesterday", "2026-13-01"):
        with pytest.raises(ValidationFailed):
            local(bad)


def test_a_window_runs_forward() -> None:
    with pytest.raises(ValidationFailed):
        window_of("2026-11-02", "2026-11-01", NOW, NY)
    with pytest.raises(ValidationFailed):
        window_of("2026-11-02", "2026-11-02", NOW, NY)


def test_the_fall_back_day_lasts_25_hours_and_the_spring_day_23() -> None:
    fall = bucket_starts(Window(local("2026-10-31"), local("2026-11-03")), Interval.DAY, NY)
    spring = bucket_starts(Window(local("2026-03-07"), local("2026-03-10")), Interval.DAY, NY)
    assert [b - a for a, b in pairwise(fall)] == [
        timedelta(hours=24),
        timedelta(hours=25),
    ]
    assert spring[2] - spring[1] == timedelta(hours=23)
    assert labels(Window(local("2026-10-31"), local("2026-11-03")), Interval.DAY) == [
        "2026-10-31T00:00:00-04:00",
        "2026-11-01T00:00:00-04:00",
        "2026-11-02T00:00:00-05:00",
    ]


def test_hours_step_through_the_repeated_and_the_missing_hour() -> None:
    fall = labels(Window(local("2026-11-01"), local("2026-11-02")), Interval.HOUR)
    spring = labels(Window(local("2026-03-08"), local("2026-03-09")), Interval.HOUR)
    assert len(fall) == 25 and len(spring) == 23
    assert fall[1:3] == ["2026-11-01T01:00:00-04:00", "2026-11-01T01:00:00-05:00"]
    assert spring[1:3] == ["2026-03-08T01:00:00-05:00", "2026-03-08T03:00:00-04:00"]


def test_a_bucket_starts_at_the_boundary_before_the_window() -> None:
    window = Window(local("2026-11-04T15:30:00-05:00"), local("2026-11-20"))
    assert labels(window, Interval.WEEK) == [
        "2026-11-02T00:00:00-05:00",  # a Monday
        "2026-11-09T00:00:00-05:00",
        "2026-11-16T00:00:00-05:00",
    ]
    assert labels(window, Interval.MONTH) == ["2026-11-01T00:00:00-04:00"]
    assert labels(window, Interval.TOTAL) == ["2026-11-04T15:30:00-05:00"]
    assert labels(window, Interval.HOUR)[0] == "2026-11-04T15:00:00-05:00"


def test_months_cross_the_year() -> None:
    window = Window(local("2026-11-15"), local("2027-02-01"))
    assert labels(window, Interval.MONTH) == [
        "2026-11-01T00:00:00-04:00",
        "2026-12-01T00:00:00-05:00",
        "2027-01-01T00:00:00-05:00",
    ]


def test_too_many_buckets_are_refused() -> None:
    with pytest.raises(ValidationFailed):
        bucket_starts(Window(local("2020-01-01"), local("2026-01-01")), Interval.HOUR, NY)


def test_the_previous_period_has_the_same_length() -> None:
    window = Window(local("2026-11-09"), local("2026-11-16"))
    assert window.previous() == Window(local("2026-11-02"), local("2026-11-09"))

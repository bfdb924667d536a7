from datetime import UTC, datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

from domain.reporting.report_card import Figures, last_months, rate

NEW_YORK = ZoneInfo("America/New_York")


def test_twelve_city_months_end_with_the_current_one_across_a_year_end() -> None:
    now = datetime(2026, 2, 10, 15, 0, tzinfo=UTC)
    months = last_months(now, NEW_YORK)
    assert [m.label for m in months] == [
        "2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08",
        "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02",
    ]  # fmt: skip
    assert months[0].start == datetime(2025, 3, 1, tzinfo=NEW_YORK)
    assert months[-1].end == datetime(2026, 3, 1, tzinfo=NEW_YORK)
    assert all(a.end == b.start for a, b in pairwise(months))


def test_months_follow_the_city_clock_and_its_daylight_saving() -> None:
    # 03:30 UTC on 1 December is still 30 November in New York.
    months = last_months(datetime(2026, 12, 1, 3, 30, tzinfo=UTC), NEW_YORK, count=2)
    assert [m.label for m in months] == ["2026-10", "2026-11"]
    october, november = months
    assert october.start.utcoffset() == timedelta(hours=-4)  # EDT
    assert november.start.utcoffset() == timedelta(hours=-4)  # 1 Nov, before the change
    assert november.end.utcoffset() == timedelta(hours=-5)  # EST
    elapsed = november.end.astimezone(UTC) - november.start.astimezone(UTC)
    assert elapsed == timedelta(days=30, hours=1)


def test_rates_are_null_with_nothing_to_divide() -> None:
    assert rate(0, 0) is None
    assert rate(2, 3) == 2 / 3
    empty = Figures()
    assert (empty.sla_on_time_rate, empty.median_days_to_close) == (None, None)
    figures = Figures(opened=3, closed=2, closed_with_expected=2, closed_on_time=1,
                      median_seconds_to_close=129_600)  # fmt: skip
    assert (figures.sla_on_time_rate, figures.median_days_to_close) == (0.5, 1.5)

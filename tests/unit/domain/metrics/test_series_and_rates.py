"""Rates, percentiles, series from counted rows, groupings, measures and CSV rows."""

import pytest

from domain.metrics.csv_rows import series_rows
from domain.metrics.rates import mean, percentile, rate
from domain.metrics.series import (
    Combine,
    Counted,
    Family,
    GroupBy,
    Line,
    build_lines,
    group_by_of,
    measure_of,
)
from domain.shared.errors import ValidationFailed


def test_rates_are_none_when_there_is_nothing_to_divide() -> None:
    assert rate(2, 3) == 2 / 3
    assert rate(0, 0) is None
    assert mean(None, 0) is None and mean(75.0, 3) == 25.0


def test_the_percentile_interpolates_like_percentile_cont() -> None:
    assert percentile([10.0, 48.0], 0.5) == 29.0
    assert percentile([10.0, 48.0], 0.9) == pytest.approx(44.2)
    assert percentile([1.0, 2.0, 3.0, 4.0], 0.5) == 2.5
    assert percentile([7.0], 0.9) == 7.0
    assert percentile([], 0.5) is None


def test_lines_are_dense_and_heaviest_first() -> None:
    rows = [
        Counted(0, "web", "Web", 1, None, 1),
        Counted(2, "phone", "Phone", 4, None, 4),
        Counted(1, "phone", "Phone", 1, None, 1),
    ]
    assert build_lines(rows, 3, Combine.COUNT) == [
        Line("phone", "Phone", [0, 1, 4]),
        Line("web", "Web", [1, 0, 0]),
    ]


def test_ratio_lines_leave_empty_buckets_empty() -> None:
    rows = [Counted(1, "all", "All", 2, 3, 3), Counted(2, "all", "All", 0, 0, 1)]
    assert build_lines(rows, 3, Combine.RATIO) == [Line("all", "All", [None, 2 / 3, None])]


def test_fixed_lines_keep_their_order_even_when_empty() -> None:
    hours = [(str(h), f"{h:02d}:00") for h in range(3)]
    rows = [Counted(0, "2", "2", 5, None, 5)]
    lines = build_lines(rows, 1, Combine.COUNT, hours)
    assert [(li.key, li.label, li.values) for li in lines] == [
        ("0", "00:00", [0]),
        ("1", "01:00", [0]),
        ("2", "02:00", [5]),
    ]


def test_groupings_and_measures_per_family() -> None:
    assert group_by_of(Family.CONTACTS, "tag") == GroupBy("tag")
    assert group_by_of(Family.REQUESTS, "area:council-districts") == GroupBy(
        "area", "council-districts"
    )
    assert group_by_of(Family.CALLS, None) == GroupBy(None)
    assert measure_of(Family.SLA, None).name == "on_time_rate"
    assert measure_of(Family.CALLS, "offered").combine is Combine.COUNT
    for family, bad in ((Family.CALLS, "area:x"), (Family.SLA, "tag"), (Family.REQUESTS, "x:")):
        with pytest.raises(ValidationFailed):
            group_by_of(family, bad)
    with pytest.raises(ValidationFailed):
        measure_of(Family.REQUESTS, "fcr_rate")


def test_csv_rows_quote_what_a_spreadsheet_would_run() -> None:
    lines = [Line("=1+1", "@sum", [1, None]), Line("web", "Web", [0.5, 2.0])]
    assert list(series_rows(["a", "b"], lines)) == [
        ("bucket", "key", "label", "value"),
        ("a", "'=1+1", "'@sum", "1"),
        ("b", "'=1+1", "'@sum", ""),
        ("a", "web", "Web", "0.5"),
        ("b", "web", "Web", "2"),
    ]

"""Dates as sources write them: compiled formats agree with strptime, in the city's zone."""

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from domain.history.dates import compile_formats

NEW_YORK = ZoneInfo("America/New_York")
BALTIMORE = "%m/%d/%Y %I:%M:%S %p"


@pytest.mark.parametrize(
    "text",
    [
        "04/12/2018 11:11:26 AM",
        "04/12/2018 12:00:00 AM",
        "04/12/2018 12:30:00 PM",
        "4/2/2018 1:02:03 pm",
        " 11/13/2018 01:06:56 PM ",
        "02/29/2016 11:59:59 PM",
    ],
)
def test_the_compiled_reader_agrees_with_strptime(text: str) -> None:
    read = compile_formats([BALTIMORE], NEW_YORK)
    expected = datetime.strptime(text.strip(), BALTIMORE).replace(tzinfo=NEW_YORK)
    assert read(text) == expected
    assert read(text).tzinfo is NEW_YORK  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "13/01/2018 10:00:00 AM",
        "02/30/2018 10:00:00 AM",
        "04/12/2018 13:00:00 PM",
        "04/12/2018 00:10:00 AM",
        "04/12/2018",
        "2018-04-12 10:00:00",
        "04/12/2018 10:00:00 XM",
    ],
)
def test_what_does_not_fit_reads_as_none(text: str) -> None:
    assert compile_formats([BALTIMORE], NEW_YORK)(text) is None


def test_wall_clock_times_take_the_zone_and_its_daylight_saving_time() -> None:
    read = compile_formats([BALTIMORE], NEW_YORK)
    winter, summer = read("01/15/2018 09:00:00 AM"), read("07/15/2018 09:00:00 AM")
    assert winter is not None and summer is not None
    assert winter.astimezone(UTC).hour == 14
    assert summer.astimezone(UTC).hour == 13
    # The hour that happens twice in November reads as its first occurrence (fold=0).
    twice = read("11/04/2018 01:30:00 AM")
    assert twice is not None and twice.astimezone(UTC) == datetime(2018, 11, 4, 5, 30, tzinfo=UTC)


def test_formats_are_tried_in_turn_and_fractions_are_kept() -> None:
    read = compile_formats(["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M:%S.%f"], NEW_YORK)
    assert read("2025-01-24 03:24:56") == datetime(2025, 1, 24, 3, 24, 56, tzinfo=NEW_YORK)
    assert read("2025-03-20 10:18:26.073") == datetime(
        2025, 3, 20, 10, 18, 26, 73000, tzinfo=NEW_YORK
    )
    assert read("2025-01-24T03:24:56") is None


def test_a_written_offset_wins_over_the_zone() -> None:
    read = compile_formats(["%Y-%m-%dT%H:%M:%S%z"], NEW_YORK)
    assert read("2025-01-24T03:24:56Z") == datetime(2025, 1, 24, 3, 24, 56, tzinfo=UTC)
    minus_five = timezone(-timedelta(hours=5))
    assert read("2025-01-24T03:24:56-05:00") == datetime(2025, 1, 24, 3, 24, 56, tzinfo=minus_five)


def test_two_digit_years_follow_strptime() -> None:
    read = compile_formats(["%m/%d/%y %H:%M"], NEW_YORK)
    assert read("01/02/68 10:00") == datetime(2068, 1, 2, 10, 0, tzinfo=NEW_YORK)
    assert read("01/02/69 10:00") == datetime(1969, 1, 2, 10, 0, tzinfo=NEW_YORK)


def test_iso_and_uncompiled_formats_still_work() -> None:
    iso = compile_formats(["iso"], NEW_YORK)
    assert iso("2025-01-24T03:24:56") == datetime(2025, 1, 24, 3, 24, 56, tzinfo=NEW_YORK)
    assert iso("2025-01-24T03:24:56+00:00") == datetime(2025, 1, 24, 3, 24, 56, tzinfo=UTC)
    assert iso("yesterday") is None
    named_month = compile_formats(["%d %b %Y %H:%M"], NEW_YORK)  # %b: left to strptime
    assert named_month("24 Jan 2025 03:24") == datetime(2025, 1, 24, 3, 24, tzinfo=NEW_YORK)

"""SLA due dates. Every expected instant below was worked out by hand.

Reference calendar facts (2026): Mon 2026-06-15 starts a plain June week (New York is EDT,
UTC-4; Los Angeles is PDT, UTC-7). 2026-12-25 is a Friday, 2026-09-07 (Labor Day) a Monday.
US DST starts Sun 2026-03-08 and ends Sun 2026-11-01, both at 02:00 local; in winter New York
is EST, UTC-5.
"""

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from domain.shared.sla import (
    BusinessHours,
    Interval,
    SlaCalendar,
    expected_datetime,
    working_time_between,
)

NY = ZoneInfo("America/New_York")
LA = ZoneInfo("America/Los_Angeles")
BIZ = SlaCalendar.BUSINESS
ALWAYS = SlaCalendar.ALWAYS
NY_HOURS = BusinessHours(NY)
EVERY_DAY = frozenset(range(7))


def ny(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=NY)


def la(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=LA)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def h(amount: float) -> timedelta:
    return timedelta(hours=amount)


def due(
    requested_at: datetime,
    target: timedelta,
    calendar: SlaCalendar = BIZ,
    hours: BusinessHours = NY_HOURS,
    holds: Sequence[Interval] = (),
) -> datetime:
    result = expected_datetime(requested_at, target, calendar, hours, holds)
    assert result.tzinfo is UTC
    return result


# --- business calendar: ordinary weeks -------------------------------------------------------


def test_short_target_within_the_same_day() -> None:
    assert due(ny(2026, 6, 15, 10), h(2)) == utc(2026, 6, 15, 16)  # Mon 12:00 EDT


def test_nine_hours_from_monday_ten_is_tuesday_ten() -> None:
    assert due(ny(2026, 6, 15, 10), h(9)) == utc(2026, 6, 16, 14)  # Tue 10:00 EDT


def test_friday_afternoon_start_carries_over_the_weekend() -> None:
    # 1 h on Friday (16-17), 8 h on Monday (08-16).
    assert due(ny(2026, 6, 19, 16), h(9)) == utc(2026, 6, 22, 20)  # Mon 16:00 EDT


def test_start_before_opening_counts_from_opening() -> None:
    assert due(ny(2026, 6, 15, 6, 30), h(2)) == utc(2026, 6, 15, 14)  # Mon 10:00 EDT


def test_start_after_closing_counts_from_next_working_morning() -> None:
    assert due(ny(2026, 6, 15, 18), h(2)) == utc(2026, 6, 16, 14)  # Tue 10:00 EDT


def test_start_exactly_at_closing_counts_from_next_morning() -> None:
    assert due(ny(2026, 6, 15, 17), h(1)) == utc(2026, 6, 16, 13)  # Tue 09:00 EDT


def test_friday_evening_start_counts_from_monday_morning() -> None:
    assert due(ny(2026, 6, 19, 20), h(1)) == utc(2026, 6, 22, 13)  # Mon 09:00 EDT


def test_saturday_start_counts_from_monday_morning() -> None:
    assert due(ny(2026, 6, 20, 11), h(2)) == utc(2026, 6, 22, 14)  # Mon 10:00 EDT


def test_sunday_start_counts_from_monday_morning() -> None:
    assert due(ny(2026, 6, 21, 23, 30), h(9)) == utc(2026, 6, 22, 21)  # Mon 17:00 EDT


def test_target_used_up_at_closing_returns_closing_not_next_opening() -> None:
    assert due(ny(2026, 6, 15, 8), h(9)) == utc(2026, 6, 15, 21)  # Mon 17:00 EDT
    assert due(ny(2026, 6, 19, 8), h(9)) == utc(2026, 6, 19, 21)  # Fri 17:00, not Mon 08:00
    assert due(ny(2026, 6, 15, 8), h(18)) == utc(2026, 6, 16, 21)  # Tue 17:00 EDT


def test_multi_day_target() -> None:
    # Mon 12-17 (5 h), Tue-Fri (36 h), weekend skipped, Mon 08-14 (6 h) = 47 h.
    assert due(ny(2026, 6, 15, 12), h(47)) == utc(2026, 6, 22, 18)  # Mon 14:00 EDT


def test_full_working_week() -> None:
    assert due(ny(2026, 6, 15, 8), h(45)) == utc(2026, 6, 19, 21)  # Fri 17:00 EDT


def test_two_thousand_business_hours() -> None:
    # 2000 h = 222 working days of 9 h + 2 h. From Mon 2026-01-05 08:00 EST: 44 full weeks
    # (220 days) end Fri 2026-11-06; Mon 11-09 and Tue 11-10 make 222; Wed 11-11 08:00 + 2 h.
    # Both DST changes fall on Sundays, so every working day is 9 real hours.
    assert due(ny(2026, 1, 5, 8), h(2000)) == utc(2026, 11, 11, 15)  # Wed 10:00 EST


# --- holidays ----------------------------------------------------------------------------------


def test_friday_holiday_is_skipped() -> None:
    christmas = BusinessHours(NY, holidays=frozenset({date(2026, 12, 25)}))
    # 1 h on Thu 24th, Fri 25th is a holiday, weekend, 1 h on Mon 28th.
    assert due(ny(2026, 12, 24, 16), h(2), hours=christmas) == utc(2026, 12, 28, 14)
    # Without the holiday the same request is due on Friday 09:00 EST.
    assert due(ny(2026, 12, 24, 16), h(2)) == utc(2026, 12, 25, 14)


def test_request_made_on_a_holiday_waits_for_next_working_day() -> None:
    christmas = BusinessHours(NY, holidays=frozenset({date(2026, 12, 25)}))
    assert due(ny(2026, 12, 25, 10), h(1), hours=christmas) == utc(2026, 12, 28, 14)


def test_monday_holiday_is_skipped() -> None:
    labor_day = BusinessHours(NY, holidays=frozenset({date(2026, 9, 7)}))
    # 1 h on Fri 4th, Mon 7th is a holiday, 8 h on Tue 8th.
    assert due(ny(2026, 9, 4, 16), h(9), hours=labor_day) == utc(2026, 9, 8, 20)  # 16:00 EDT


def test_holiday_on_a_weekend_changes_nothing() -> None:
    saturday_off = BusinessHours(NY, holidays=frozenset({date(2026, 6, 20)}))
    assert due(ny(2026, 6, 19, 16), h(9), hours=saturday_off) == utc(2026, 6, 22, 20)


# --- DST ---------------------------------------------------------------------------------------


def test_business_across_spring_forward_weekend() -> None:
    # Fri 16:00 EST (21:00Z) + 1 h Fri + 8 h Mon -> Mon 16:00 EDT.
    assert due(ny(2026, 3, 6, 16), h(9)) == utc(2026, 3, 9, 20)


def test_business_across_fall_back_weekend() -> None:
    # Fri 16:00 EDT (20:00Z) + 1 h Fri + 8 h Mon -> Mon 16:00 EST.
    assert due(ny(2026, 10, 30, 16), h(9)) == utc(2026, 11, 2, 21)


def test_business_window_on_spring_forward_day_is_still_eight_to_five_local() -> None:
    seven_days = BusinessHours(NY, workdays=EVERY_DAY)
    assert due(ny(2026, 3, 8, 8), h(9), hours=seven_days) == utc(2026, 3, 8, 21)  # 17:00 EDT
    # Sat 16:00 EST: 1 h Saturday, then Sunday 08:00 EDT + 1 h.
    assert due(ny(2026, 3, 7, 16), h(2), hours=seven_days) == utc(2026, 3, 8, 13)
    whole_day = working_time_between(ny(2026, 3, 8), ny(2026, 3, 9), BIZ, seven_days)
    assert whole_day == h(9)


def test_business_window_on_fall_back_day_is_still_eight_to_five_local() -> None:
    seven_days = BusinessHours(NY, workdays=EVERY_DAY)
    assert due(ny(2026, 11, 1, 8), h(9), hours=seven_days) == utc(2026, 11, 1, 22)  # 17:00 EST
    # Sat 16:00 EDT: 1 h Saturday, then Sunday 08:00 EST + 1 h.
    assert due(ny(2026, 10, 31, 16), h(2), hours=seven_days) == utc(2026, 11, 1, 14)
    whole_day = working_time_between(ny(2026, 11, 1), ny(2026, 11, 2), BIZ, seven_days)
    assert whole_day == h(9)


def test_window_spanning_the_change_counts_real_hours() -> None:
    nights = BusinessHours(NY, opens=time(0, 0), closes=time(6, 0), workdays=EVERY_DAY)
    # Spring: 00:00 EST (05:00Z) to 06:00 EDT (10:00Z) is 5 real hours.
    assert due(ny(2026, 3, 8), h(5), hours=nights) == utc(2026, 3, 8, 10)
    # The 6th hour falls in Monday's window: 00:00 EDT (04:00Z) + 1 h.
    assert due(ny(2026, 3, 8), h(6), hours=nights) == utc(2026, 3, 9, 5)
    # Fall: 00:00 EDT (04:00Z) to 06:00 EST (11:00Z) is 7 real hours.
    assert due(ny(2026, 11, 1), h(7), hours=nights) == utc(2026, 11, 1, 11)


def test_24x7_across_spring_forward_counts_real_elapsed_time() -> None:
    requested = ny(2026, 3, 7, 12)  # Sat 12:00 EST = 17:00Z
    result = due(requested, h(24), ALWAYS)
    assert result == utc(2026, 3, 8, 17)
    assert result.astimezone(NY).time() == time(13, 0)  # 13:00 EDT wall time ...
    assert result != ny(2026, 3, 8, 12)  # ... not the naive local add (12:00 EDT = 16:00Z)
    naive_local = working_time_between(requested, ny(2026, 3, 8, 12), ALWAYS, NY_HOURS)
    assert naive_local == h(23)


def test_24x7_across_fall_back_counts_real_elapsed_time() -> None:
    requested = ny(2026, 10, 31, 12)  # Sat 12:00 EDT = 16:00Z
    result = due(requested, h(24), ALWAYS)
    assert result == utc(2026, 11, 1, 16)
    assert result.astimezone(NY).time() == time(11, 0)  # 11:00 EST wall time ...
    assert result != ny(2026, 11, 1, 12)  # ... not the naive local add (12:00 EST = 17:00Z)
    naive_local = working_time_between(requested, ny(2026, 11, 1, 12), ALWAYS, NY_HOURS)
    assert naive_local == h(25)


# --- 24x7 --------------------------------------------------------------------------------------


def test_24x7_ignores_weekends() -> None:
    assert due(ny(2026, 6, 19, 16), h(9), ALWAYS) == utc(2026, 6, 20, 5)  # Sat 01:00 EDT


def test_24x7_ignores_holidays() -> None:
    christmas = BusinessHours(NY, holidays=frozenset({date(2026, 12, 25)}))
    assert due(ny(2026, 12, 24, 16), h(24), ALWAYS, christmas) == utc(2026, 12, 25, 21)


# --- holds -------------------------------------------------------------------------------------


def test_single_hold_pauses_the_business_clock() -> None:
    hold = Interval(ny(2026, 6, 15, 12), ny(2026, 6, 15, 13))
    assert due(ny(2026, 6, 15, 10), h(9), holds=[hold]) == utc(2026, 6, 16, 15)  # Tue 11:00


def test_overlapping_holds_are_merged() -> None:
    # 12-14 and 13-15 pause 3 h, not 4: Mon 10-12 + 15-17 = 4 h, Tue 08-13 = 5 h.
    holds = [
        Interval(ny(2026, 6, 15, 13), ny(2026, 6, 15, 15)),
        Interval(ny(2026, 6, 15, 12), ny(2026, 6, 15, 14)),
        Interval(ny(2026, 6, 15, 12, 30), ny(2026, 6, 15, 12, 45)),
    ]
    assert due(ny(2026, 6, 15, 10), h(9), holds=holds) == utc(2026, 6, 16, 17)  # Tue 13:00


def test_hold_partly_before_the_request_counts_only_its_later_part() -> None:
    hold = Interval(ny(2026, 6, 15, 9), ny(2026, 6, 15, 11))
    # Mon 11-17 = 6 h, Tue 08-11 = 3 h.
    assert due(ny(2026, 6, 15, 10), h(9), holds=[hold]) == utc(2026, 6, 16, 15)  # Tue 11:00


def test_hold_entirely_before_the_request_has_no_effect() -> None:
    hold = Interval(ny(2026, 6, 12, 9), ny(2026, 6, 14, 11))
    assert due(ny(2026, 6, 15, 10), h(9), holds=[hold]) == utc(2026, 6, 16, 14)


def test_hold_over_non_working_time_has_no_effect() -> None:
    overnight = Interval(ny(2026, 6, 15, 18), ny(2026, 6, 16, 7))
    assert due(ny(2026, 6, 15, 10), h(9), holds=[overnight]) == utc(2026, 6, 16, 14)


def test_hold_spanning_a_weekend_only_removes_working_hours() -> None:
    # Hold Fri 16:00 -> Mon 10:00 removes Fri 16-17 and Mon 08-10 (3 h), not the weekend.
    hold = Interval(ny(2026, 6, 19, 16), ny(2026, 6, 22, 10))
    # Fri 14-16 = 2 h, Mon 10-17 = 7 h, Tue 08-09 = 1 h.
    assert due(ny(2026, 6, 19, 14), h(10), holds=[hold]) == utc(2026, 6, 23, 13)  # Tue 09:00


def test_24x7_hold_shifts_the_due_time_by_exactly_its_length() -> None:
    requested = ny(2026, 6, 15, 10)
    assert due(requested, h(48), ALWAYS) == utc(2026, 6, 17, 14)  # Wed 10:00 EDT
    hold = Interval(ny(2026, 6, 16, 12), ny(2026, 6, 16, 15, 30))
    assert due(requested, h(48), ALWAYS, holds=[hold]) == utc(2026, 6, 17, 17, 30)


def test_24x7_overlapping_holds_partly_before_the_request() -> None:
    holds = [
        Interval(ny(2026, 6, 15, 8), ny(2026, 6, 15, 11)),
        Interval(utc(2026, 6, 15, 14, 30), utc(2026, 6, 15, 16)),  # 10:30-12:00 EDT
    ]
    # Paused 10:00-12:00 EDT after the request: 2 h.
    assert due(ny(2026, 6, 15, 10), h(24), ALWAYS, holds=holds) == utc(2026, 6, 16, 16)


def test_24x7_hold_across_spring_forward_lasts_its_real_length() -> None:
    hold = Interval(ny(2026, 3, 8, 1), ny(2026, 3, 8, 3))  # 01:00 EST -> 03:00 EDT = 1 h
    assert due(ny(2026, 3, 7, 12), h(24), ALWAYS, holds=[hold]) == utc(2026, 3, 8, 18)


def test_hold_after_the_due_time_has_no_effect() -> None:
    hold = Interval(ny(2026, 6, 16, 10), ny(2026, 6, 16, 12))
    assert due(ny(2026, 6, 15, 10), h(9), holds=[hold]) == utc(2026, 6, 16, 14)
    assert due(ny(2026, 6, 15, 10), h(24), ALWAYS, holds=[hold]) == utc(2026, 6, 16, 14)


# --- zero target -------------------------------------------------------------------------------


def test_zero_target_returns_requested_at_in_utc() -> None:
    assert due(ny(2026, 6, 15, 10), timedelta(0)) == utc(2026, 6, 15, 14)
    assert due(ny(2026, 6, 15, 10), timedelta(0), ALWAYS) == utc(2026, 6, 15, 14)


def test_zero_target_outside_hours_or_on_hold_still_returns_requested_at() -> None:
    assert due(ny(2026, 6, 20, 11), timedelta(0)) == utc(2026, 6, 20, 15)  # Saturday
    hold = Interval(ny(2026, 6, 15, 9), ny(2026, 6, 15, 12))
    assert due(ny(2026, 6, 15, 10), timedelta(0), holds=[hold]) == utc(2026, 6, 15, 14)


# --- another time zone -------------------------------------------------------------------------


def test_same_local_rules_in_los_angeles_give_a_different_utc_answer() -> None:
    la_hours = BusinessHours(LA)
    assert due(la(2026, 6, 15, 10), h(9), hours=la_hours) == utc(2026, 6, 16, 17)  # 10:00 PDT
    assert due(ny(2026, 6, 15, 10), h(9)) == utc(2026, 6, 16, 14)  # 10:00 EDT


def test_same_instant_is_judged_by_the_service_time_zone() -> None:
    requested = utc(2026, 6, 15, 13)  # 09:00 EDT, 06:00 PDT
    assert due(requested, h(2)) == utc(2026, 6, 15, 15)  # 11:00 EDT
    assert due(requested, h(2), hours=BusinessHours(LA)) == utc(2026, 6, 15, 17)  # 10:00 PDT


def test_friday_evening_in_new_york_is_still_friday_afternoon_in_los_angeles() -> None:
    requested = utc(2026, 6, 19, 23, 30)  # Fri 19:30 EDT (closed), Fri 16:30 PDT (open)
    assert due(requested, h(1)) == utc(2026, 6, 22, 13)  # Mon 09:00 EDT
    # 30 min on Friday in LA, then Mon 08:00 PDT + 30 min.
    assert due(requested, h(1), hours=BusinessHours(LA)) == utc(2026, 6, 22, 15, 30)


# --- working_time_between ----------------------------------------------------------------------


def test_working_time_between_business_examples() -> None:
    assert working_time_between(ny(2026, 6, 15, 10), ny(2026, 6, 16, 10), BIZ, NY_HOURS) == h(9)
    assert working_time_between(ny(2026, 6, 19, 16), ny(2026, 6, 22, 16), BIZ, NY_HOURS) == h(9)
    assert working_time_between(ny(2026, 6, 20), ny(2026, 6, 22), BIZ, NY_HOURS) == h(0)
    assert working_time_between(ny(2026, 6, 15), ny(2026, 6, 22), BIZ, NY_HOURS) == h(45)


def test_working_time_between_skips_holidays_and_holds() -> None:
    christmas = BusinessHours(NY, holidays=frozenset({date(2026, 12, 25)}))
    week = working_time_between(ny(2026, 12, 21), ny(2026, 12, 28), BIZ, christmas)
    assert week == h(36)
    hold = Interval(ny(2026, 6, 15, 12), ny(2026, 6, 15, 13))
    held = working_time_between(ny(2026, 6, 15, 10), ny(2026, 6, 16, 11), BIZ, NY_HOURS, [hold])
    assert held == h(9)


def test_working_time_between_24x7_is_elapsed_time_minus_holds() -> None:
    hold = Interval(ny(2026, 6, 16, 12), ny(2026, 6, 16, 15, 30))
    start, end = ny(2026, 6, 15, 10), ny(2026, 6, 17, 10)
    assert working_time_between(start, end, ALWAYS, NY_HOURS) == h(48)
    assert working_time_between(start, end, ALWAYS, NY_HOURS, [hold]) == h(44.5)


def test_working_time_between_equal_instants_is_zero() -> None:
    instant = ny(2026, 6, 15, 10)
    assert working_time_between(instant, instant, BIZ, NY_HOURS) == timedelta(0)
    assert working_time_between(instant, instant, ALWAYS, NY_HOURS) == timedelta(0)


def test_working_time_between_rejects_end_before_start() -> None:
    with pytest.raises(ValueError):
        working_time_between(ny(2026, 6, 16), ny(2026, 6, 15), BIZ, NY_HOURS)


def test_working_time_between_inverts_expected_datetime_over_a_grid() -> None:
    hours = BusinessHours(NY, holidays=frozenset({date(2026, 3, 10), date(2026, 11, 2)}))
    holds = [
        Interval(ny(2026, 3, 5, 15), ny(2026, 3, 9, 9)),
        Interval(ny(2026, 3, 9, 8, 30), ny(2026, 3, 9, 11)),
        Interval(ny(2026, 10, 30, 13), ny(2026, 10, 30, 14)),
    ]
    targets = [timedelta(minutes=1), h(1), timedelta(hours=8, minutes=59), h(9), h(9.5), h(40)]
    starts = [
        base + timedelta(minutes=97 * step)
        for base in (ny(2026, 3, 2), ny(2026, 10, 26))
        for step in range(200)  # about 13.5 days from each base, across both DST changes
    ]
    for calendar in (BIZ, ALWAYS):
        for start in starts:
            for target in targets:
                end = expected_datetime(start, target, calendar, hours, holds)
                assert working_time_between(start, end, calendar, hours, holds) == target
                earlier = end - timedelta(microseconds=1)
                assert working_time_between(start, earlier, calendar, hours, holds) < target


# --- validation --------------------------------------------------------------------------------


def test_naive_requested_at_is_rejected() -> None:
    with pytest.raises(ValueError):
        expected_datetime(datetime(2026, 6, 15, 10), h(1), BIZ, NY_HOURS)


def test_naive_working_time_bounds_are_rejected() -> None:
    with pytest.raises(ValueError):
        working_time_between(datetime(2026, 6, 15), ny(2026, 6, 16), BIZ, NY_HOURS)
    with pytest.raises(ValueError):
        working_time_between(ny(2026, 6, 15), datetime(2026, 6, 16), BIZ, NY_HOURS)


def test_naive_or_reversed_hold_is_rejected() -> None:
    with pytest.raises(ValueError):
        Interval(datetime(2026, 6, 15, 10), ny(2026, 6, 15, 11))
    with pytest.raises(ValueError):
        Interval(ny(2026, 6, 15, 10), datetime(2026, 6, 15, 11))
    with pytest.raises(ValueError):
        Interval(ny(2026, 6, 15, 11), ny(2026, 6, 15, 10))


def test_negative_target_is_rejected() -> None:
    with pytest.raises(ValueError):
        expected_datetime(ny(2026, 6, 15, 10), h(-1), BIZ, NY_HOURS)


def test_unknown_calendar_is_rejected() -> None:
    with pytest.raises(ValueError):
        expected_datetime(ny(2026, 6, 15, 10), h(1), "weekdays", NY_HOURS)  # type: ignore[arg-type]


def test_calendar_values() -> None:
    assert SlaCalendar("business") is BIZ
    assert SlaCalendar("24x7") is ALWAYS


@pytest.mark.parametrize(
    ("opens", "closes", "workdays"),
    [
        (time(17, 0), time(8, 0), frozenset({0})),
        (time(8, 0), time(8, 0), frozenset({0})),
        (time(8, 0), time(17, 0), frozenset()),
        (time(8, 0), time(17, 0), frozenset({7})),
        (time(8, 0, tzinfo=UTC), time(17, 0), frozenset({0})),
    ],
)
def test_business_hours_that_could_never_count_are_rejected(
    opens: time, closes: time, workdays: frozenset[int]
) -> None:
    with pytest.raises(ValueError):
        BusinessHours(NY, opens=opens, closes=closes, workdays=workdays)


def test_holidays_must_be_dates() -> None:
    with pytest.raises(ValueError):
        BusinessHours(NY, holidays=frozenset({datetime(2026, 12, 25)}))

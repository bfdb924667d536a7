"""The public report card: per department, per month of the city's calendar, how much came in,
how much was closed, how much of it on time, and how long closing took.

Months follow the city's time zone (DST included): a request made at 23:30 on 31 January in
New York counts in January, though it is February in UTC. Rates are fractions from 0 to 1,
and None when there is nothing to divide.
"""

from dataclasses import dataclass
from datetime import datetime, tzinfo

MONTHS = 12
SECONDS_PER_DAY = 86_400


@dataclass(frozen=True)
class Month:
    label: str  # 2026-01
    start: datetime  # midnight on the first, in the city's time zone
    end: datetime  # the next month's start


def _month_start(year: int, month: int, zone: tzinfo) -> datetime:
    return datetime(year + (month - 1) // 12, (month - 1) % 12 + 1, 1, tzinfo=zone)


def last_months(now: datetime, zone: tzinfo, count: int = MONTHS) -> list[Month]:
    """The current month (so far) and the `count - 1` before it, oldest first."""
    local = now.astimezone(zone)
    months = []
    for back in range(count - 1, -1, -1):
        index = local.year * 12 + local.month - 1 - back
        year, month = divmod(index, 12)
        start = _month_start(year, month + 1, zone)
        end = _month_start(year, month + 2, zone)
        months.append(Month(f"{year:04d}-{month + 1:02d}", start, end))
    return months


def rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True)
class Figures:
    """`closed_with_expected`: closed requests that had an expected date; `closed_on_time`:
    those closed on or before it. `median_seconds_to_close` over every closed request. Survey
    answers count when given, for the department of their request."""

    opened: int = 0
    closed: int = 0
    closed_with_expected: int = 0
    closed_on_time: int = 0
    median_seconds_to_close: float | None = None
    survey_answers: int = 0  # satisfaction survey answers given in the period
    survey_score_sum: int = 0

    @property
    def average_score(self) -> float | None:
        """The mean survey score (1 to 5), to two places; None without answers."""
        if not self.survey_answers:
            return None
        return round(self.survey_score_sum / self.survey_answers, 2)

    @property
    def sla_on_time_rate(self) -> float | None:
        return rate(self.closed_on_time, self.closed_with_expected)

    @property
    def median_days_to_close(self) -> float | None:
        seconds = self.median_seconds_to_close
        return None if seconds is None else round(seconds / SECONDS_PER_DAY, 2)

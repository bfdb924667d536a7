"""What the metrics read models answer, and the questions they are asked."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from domain.metrics.series import Family, GroupBy, Line, Measure
from domain.metrics.window import Interval, Window

DEFAULT_THRESHOLD = timedelta(seconds=25)


@dataclass(frozen=True)
class Filters:
    """The list filters a series takes, where they make sense for its facts."""

    department: str | None = None
    service_codes: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    queues: tuple[str, ...] = ()


@dataclass(frozen=True)
class SeriesQuestion:
    family: Family
    window: Window
    interval: Interval
    group_by: GroupBy
    measure: Measure
    zone: ZoneInfo
    buckets: tuple[datetime, ...]
    filters: Filters = Filters()
    threshold: timedelta = DEFAULT_THRESHOLD
    limit: int = 100


@dataclass(frozen=True)
class Series:
    question: SeriesQuestion
    lines: list[Line]
    truncated: bool = False


@dataclass(frozen=True)
class ContactsSummary:
    total: int
    by_channel: dict[str, int]
    by_type: dict[str, int]
    first_contact_resolution_rate: float | None
    referrals_by_target: dict[str, int]
    average_handle_seconds: float | None


@dataclass(frozen=True)
class RequestsSummary:
    opened: int
    closed: int
    backlog: int
    overdue: int
    sla_on_time_rate: float | None
    hours_to_close_p50: float | None
    hours_to_close_p90: float | None


@dataclass(frozen=True)
class CallsSummary:
    offered: int
    answered: int
    abandoned: int
    answered_within_threshold: int
    threshold_seconds: float
    answered_within_threshold_rate: float | None
    average_speed_of_answer_s: float | None
    abandonment_rate: float | None


@dataclass(frozen=True)
class SurveysSummary:
    """Satisfaction surveys: sent (invitations that went out) and answered in the window;
    satisfied means a score of 4 or 5."""

    sent: int
    answered: int
    average_score: float | None
    satisfied_rate: float | None


@dataclass(frozen=True)
class Summary:
    window: Window
    department: str | None
    contacts: ContactsSummary
    requests: RequestsSummary
    calls: CallsSummary | None  # None for one department: calls belong to the contact center
    surveys: SurveysSummary = SurveysSummary(0, 0, None, None)


@dataclass(frozen=True)
class Issue:
    service_code: str
    service_name: str
    count: int
    previous_count: int

    @property
    def change(self) -> int:
        return self.count - self.previous_count


@dataclass(frozen=True)
class AreaIssues:
    code: str
    name: str
    issues: list[Issue] = field(default_factory=list)


@dataclass(frozen=True)
class AreaOpen:
    code: str
    name: str
    open: int

"""Answers of /api/v1/metrics: the dashboard's summary, chart series, and areas."""

from datetime import datetime
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field

from domain.metrics.importing import CallImport
from domain.metrics.model import (
    AreaIssues,
    CallsSummary,
    ContactsSummary,
    RequestsSummary,
    Series,
    Summary,
    SurveysSummary,
)
from domain.metrics.window import Window, bucket_label

RATE = "A fraction from 0 to 1; null when there is nothing to divide"


class WindowOut(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    from_: datetime = Field(alias="from", description="Start of the window (included)")
    to: datetime = Field(description="End of the window (excluded)")


class ContactsOut(BaseModel):
    total: int
    by_channel: dict[str, int] = Field(description="Contacts per channel (only those seen)")
    by_type: dict[str, int]
    first_contact_resolution_rate: float | None = Field(
        description="Contacts resolved on first contact out of all contacts. " + RATE
    )
    referrals_by_target: dict[str, int] = Field(description="Referrals to 911, 211, external")
    average_handle_seconds: float | None = Field(
        description="Mean of ended_at - started_at over contacts with both"
    )

    @classmethod
    def of(cls, c: ContactsSummary) -> "ContactsOut":
        return cls(**c.__dict__)


class HoursToCloseOut(BaseModel):
    p50: float | None
    p90: float | None


class RequestsOut(BaseModel):
    opened: int = Field(description="Requests that came in during the window")
    closed: int = Field(description="Requests closed during the window")
    backlog: int = Field(description="Open at the end of the window (or now)")
    overdue: int = Field(description="Of the backlog, past their expected date")
    sla_on_time_rate: float | None = Field(
        description="Closed by their expected date, out of those closed with one. " + RATE
    )
    hours_to_close: HoursToCloseOut = Field(
        description="Percentiles (continuous) of the hours to close, over requests closed"
    )

    @classmethod
    def of(cls, r: RequestsSummary) -> "RequestsOut":
        return cls(
            opened=r.opened,
            closed=r.closed,
            backlog=r.backlog,
            overdue=r.overdue,
            sla_on_time_rate=r.sla_on_time_rate,
            hours_to_close=HoursToCloseOut(p50=r.hours_to_close_p50, p90=r.hours_to_close_p90),
        )


class CallsOut(BaseModel):
    offered: int
    answered: int
    abandoned: int
    answered_within_threshold: int
    answered_within_threshold_rate: float | None = Field(
        description="Calls answered within the threshold, out of calls answered. " + RATE
    )
    threshold_seconds: float = Field(description="FRONTDOOR_CALL_THRESHOLD_SECONDS (25)")
    average_speed_of_answer_s: float | None
    abandonment_rate: float | None = Field(description="Abandoned out of offered. " + RATE)

    @classmethod
    def of(cls, c: CallsSummary) -> "CallsOut":
        return cls(**c.__dict__)


class SurveysOut(BaseModel):
    sent: int = Field(description="Survey invitations that went out in the window")
    answered: int = Field(description="Answers given in the window")
    average_score: float | None = Field(description="Mean score (1 to 5); null: no answer")
    satisfied_rate: float | None = Field(
        description="Answers scoring 4 or 5, out of the answers. " + RATE
    )

    @classmethod
    def of(cls, s: SurveysSummary) -> "SurveysOut":
        return cls(**s.__dict__)


class SummaryOut(WindowOut):
    department: str | None = Field(description="The department the figures cover; null: all")
    time_zone: str = Field(description="The city's zone, of `from` and `to` and of day buckets")
    contacts: ContactsOut
    requests: RequestsOut
    calls: CallsOut | None = Field(
        description="The phone system's calls; null for one department's figures (calls "
        "belong to the contact center)"
    )
    surveys: SurveysOut = Field(description="Satisfaction surveys after closure (CSAT)")

    @classmethod
    def of(cls, s: Summary, zone: ZoneInfo) -> "SummaryOut":
        return cls(
            from_=s.window.start.astimezone(zone),
            to=s.window.end.astimezone(zone),
            department=s.department,
            time_zone=zone.key,
            contacts=ContactsOut.of(s.contacts),
            requests=RequestsOut.of(s.requests),
            calls=None if s.calls is None else CallsOut.of(s.calls),
            surveys=SurveysOut.of(s.surveys),
        )


class LineOut(BaseModel):
    key: str = Field(description="The group's code (channel, department, tag, hour 0-23...)")
    label: str
    values: list[int | float | None] = Field(
        description="One per bucket: counts (0 when none), or rates and averages (null)"
    )


class SeriesOut(WindowOut):
    interval: str
    group_by: str | None
    measure: str
    time_zone: str
    buckets: list[str] = Field(
        description="Each bucket's start in the city's local time with its offset "
        "(a day across a daylight-saving change lasts 23 or 25 hours)"
    )
    series: list[LineOut]
    truncated: bool = Field(description="More groups than `limit`: the heaviest were kept")

    @classmethod
    def of(cls, s: Series) -> "SeriesOut":
        q = s.question
        return cls(
            from_=q.window.start.astimezone(q.zone),
            to=q.window.end.astimezone(q.zone),
            interval=q.interval.value,
            group_by=q.group_by.text,
            measure=q.measure.name,
            time_zone=q.zone.key,
            buckets=[bucket_label(b, q.zone) for b in q.buckets],
            series=[LineOut(key=li.key, label=li.label, values=li.values) for li in s.lines],
            truncated=s.truncated,
        )


class BadRowOut(BaseModel):
    line: int = Field(description="The row's line in the file (the header is line 1)")
    reason: str


class CallImportOut(BaseModel):
    received: int = Field(description="Data rows in the file")
    inserted: int = Field(description="Calls stored now")
    unchanged: int = Field(description="Calls already stored (kept as they were)")
    rejected: int = Field(description="Bad rows, not stored")
    errors: list[BadRowOut] = Field(description="The bad rows (the first 1,000)")

    @classmethod
    def of(cls, result: CallImport) -> "CallImportOut":
        return cls(
            received=result.received,
            inserted=result.inserted,
            unchanged=result.unchanged,
            rejected=result.rejected,
            errors=[BadRowOut(line=e.line, reason=e.reason) for e in result.errors],
        )


class IssueOut(BaseModel):
    service_code: str
    service_name: str
    count: int = Field(description="Requests in the window")
    previous_count: int = Field(description="Requests in the period of the same length before")
    change: int = Field(description="count - previous_count")


class AreaIssuesOut(BaseModel):
    code: str
    name: str
    issues: list[IssueOut] = Field(description="The most requested services, most first")


class TopIssuesOut(WindowOut):
    layer: str
    previous_from: datetime
    previous_to: datetime
    areas: list[AreaIssuesOut]

    @classmethod
    def of(
        cls, layer: str, window: Window, found: list[AreaIssues], zone: ZoneInfo
    ) -> "TopIssuesOut":
        before = window.previous()
        return cls(
            layer=layer,
            from_=window.start.astimezone(zone),
            to=window.end.astimezone(zone),
            previous_from=before.start.astimezone(zone),
            previous_to=before.end.astimezone(zone),
            areas=[
                AreaIssuesOut(
                    code=a.code,
                    name=a.name,
                    issues=[
                        IssueOut(
                            service_code=i.service_code,
                            service_name=i.service_name,
                            count=i.count,
                            previous_count=i.previous_count,
                            change=i.change,
                        )
                        for i in a.issues
                    ],
                )
                for a in found
            ],
        )


class AreaOpenOut(BaseModel):
    code: str
    name: str
    open: int


class OpenByAreaOut(BaseModel):
    layer: str
    areas: list[AreaOpenOut] = Field(
        description="Every area of the layer; join on `code` with "
        "GET /api/v1/jurisdictions/layers/{layer}.geojson for the map"
    )
    outside: int = Field(description="Open requests in none of the layer's areas")

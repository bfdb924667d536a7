"""The public report card: per department, the last 12 months of the city's calendar."""

from pydantic import BaseModel, Field

from domain.reporting.report_card import Figures

RATE = (
    "Closed on or before the expected date, out of the closed requests that had one (0 to 1); "
    "null: none"
)
MEDIAN = "Median days from request to close over the closed requests; null: none closed"


class FiguresOut(BaseModel):
    opened: int = Field(description="Requests made")
    closed: int = Field(description="Requests closed")
    sla_on_time_rate: float | None = Field(description=RATE)
    median_days_to_close: float | None = Field(description=MEDIAN)
    survey_answers: int = Field(description="Satisfaction survey answers given")
    average_score: float | None = Field(
        description="Their mean score, 1 (very dissatisfied) to 5; null: no answer"
    )

    @classmethod
    def of(cls, f: Figures) -> "FiguresOut":
        return cls(
            opened=f.opened,
            closed=f.closed,
            sla_on_time_rate=f.sla_on_time_rate,
            median_days_to_close=f.median_days_to_close,
            survey_answers=f.survey_answers,
            average_score=f.average_score,
        )


class MonthOut(FiguresOut):
    month: str = Field(examples=["2026-11"], description="The month, in the city's time zone")


class DepartmentCard(BaseModel):
    code: str
    name: str = Field(description="In the language asked for")
    total: FiguresOut = Field(description="The whole window")
    months: list[MonthOut] = Field(description="Oldest first, one per month of the window")


class ReportCard(BaseModel):
    time_zone: str = Field(examples=["America/New_York"])
    start: str = Field(description="The window's first instant (RFC 3339, the city's time)")
    end: str = Field(description="The window's end, not included")
    months: list[str] = Field(description="The months of the window, oldest first")
    departments: list[DepartmentCard]

"""The public report card: no sign-in, nothing but counts, rates and medians per department."""

from fastapi import APIRouter, Response

from api.deps import ContainerDep
from api.language import LanguageDep
from api.problems import problem_responses
from api.schemas.report_card import DepartmentCard, FiguresOut, MonthOut, ReportCard
from domain.reporting.report_card import Figures, Month, last_months
from domain.reporting.window import Window

router = APIRouter(prefix="/api/v1/report-card", tags=["report card"])
CACHE = "public, max-age=300"


def _card(
    code: str, name: str, months: list[Month], found: dict[tuple[str, str | None], Figures]
) -> DepartmentCard:
    empty = Figures()
    return DepartmentCard(
        code=code,
        name=name,
        total=FiguresOut.of(found.get((code, None), empty)),
        months=[
            MonthOut(month=m.label, **FiguresOut.of(found.get((code, m.label), empty)).model_dump())
            for m in months
        ],
    )


@router.get("", response_model=ReportCard, responses=problem_responses(422))
async def get_report_card(
    container: ContainerDep, language: LanguageDep, response: Response
) -> ReportCard:
    """Per department, over the current month and the eleven before it (months of the city's
    time zone): requests opened and closed, the share closed on time (on or before their
    expected date, out of those closed that had one), the median days to close, and the
    satisfaction survey's answers and average score (1 to 5). Counted when made (opened), when
    closed (closed, on time, median) and when answered (surveys). Public: no sign-in."""
    settings = container.settings
    months = last_months(container.clock.now(), settings.zone)
    window = Window(months[0].start, months[-1].end, settings.timezone)
    found = await container.report_card.figures(window)
    departments = await container.catalog.departments(language)
    response.headers["Cache-Control"] = CACHE
    return ReportCard(
        time_zone=settings.timezone,
        start=window.start.isoformat(),
        end=window.end.isoformat(),
        months=[m.label for m in months],
        departments=[_card(d.code, d.name, months, found) for d in departments],
    )

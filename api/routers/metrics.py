"""/api/v1/metrics: the leaders' figures. Who may read is checked before any parameter."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from api.deps import ContainerDep, PrincipalDep
from api.problems import problem_responses
from api.schemas.metrics import SummaryOut
from domain.metrics.access import MetricsReader, metrics_reader
from domain.metrics.window import window_of

router = APIRouter(prefix="/api/v1/metrics", tags=["metrics"])

INSTANT = "RFC 3339 with an offset (a bare date is local midnight in the city's zone)"


def get_metrics_reader(principal: PrincipalDep) -> MetricsReader:
    """Supervisors and admins read everything, department managers their own department."""
    return metrics_reader(principal)


MetricsReaderDep = Annotated[MetricsReader, Depends(get_metrics_reader)]
FromQuery = Annotated[
    str | None,
    Query(
        alias="from",
        max_length=40,
        description=f"Start, included; {INSTANT}. Default: 30 days before `to`",
    ),
]
ToQuery = Annotated[
    str | None, Query(max_length=40, description=f"End, excluded; {INSTANT}. Default: now")
]
DepartmentQuery = Annotated[
    str | None,
    Query(max_length=64, description="Only this department (a manager's own is forced)"),
]


@router.get("/summary", response_model=SummaryOut, responses=problem_responses(401, 403, 422))
async def get_metrics_summary(
    reader: MetricsReaderDep,
    container: ContainerDep,
    start: FromQuery = None,
    to: ToQuery = None,
    department: DepartmentQuery = None,
) -> SummaryOut:
    """Contacts, requests and calls in `[from, to)`, counted live (exact after any write).

    Contacts count at their start (or creation), requests when they came in and when they
    closed; the backlog is what was open at the end of the window (or now); calls count when
    they were offered. Complaints and praise count for the department they name."""
    zone, now = container.settings.zone, container.clock.now()
    window = window_of(start, to, now, zone)
    scope = reader.department_filter(department)
    summary = await container.metrics.summary.summary(window, scope, now)
    return SummaryOut.of(summary, zone)

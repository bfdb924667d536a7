"""/api/v1/metrics: the leaders' figures. Who may read is checked before any parameter."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from api.bootstrap import Container
from api.deps import ContainerDep, PrincipalDep
from api.metrics_params import (
    CSV_RESPONSE,
    Codes,
    DepartmentQuery,
    FromQuery,
    SeriesParams,
    SeriesParamsDep,
    ToQuery,
    csv_response,
)
from api.problems import problem_responses
from api.schemas.metrics import (
    AreaOpenOut,
    OpenByAreaOut,
    SeriesOut,
    SummaryOut,
    TopIssuesOut,
)
from domain.cases.model import CaseType
from domain.metrics.access import MetricsReader, metrics_reader
from domain.metrics.model import Filters, SeriesQuestion
from domain.metrics.series import Family, group_by_of, measure_of
from domain.metrics.window import bucket_starts, window_of

router = APIRouter(prefix="/api/v1/metrics", tags=["metrics"])
SERIES_RESPONSES = {**problem_responses(401, 403, 422), **CSV_RESPONSE}


def get_metrics_reader(principal: PrincipalDep) -> MetricsReader:
    """Supervisors and admins read everything, department managers their own department."""
    return metrics_reader(principal)


MetricsReaderDep = Annotated[MetricsReader, Depends(get_metrics_reader)]


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


async def _series(
    family: Family,
    reader: MetricsReader,
    container: Container,
    p: SeriesParams,
    **more: tuple[str, ...],
) -> SeriesOut | Response:
    zone = container.settings.zone
    window = window_of(p.start, p.to, container.clock.now(), zone)
    filters = Filters(
        department=reader.department_filter(p.department),
        service_codes=p.service_codes,
        channels=p.channels,
        **more,
    )
    question = SeriesQuestion(
        family=family,
        window=window,
        interval=p.interval,
        group_by=group_by_of(family, p.group_by),
        measure=measure_of(family, p.measure),
        zone=zone,
        buckets=tuple(bucket_starts(window, p.interval, zone)),
        filters=filters,
        threshold=container.metrics.threshold,
        limit=p.limit,
    )
    series = await container.metrics.series.series(question)
    if p.csv:
        return csv_response(series, f"{family.value}-{question.measure.name}")
    return SeriesOut.of(series)


@router.get("/contacts", response_model=SeriesOut, responses=SERIES_RESPONSES)
async def get_contact_series(
    reader: MetricsReaderDep,
    container: ContainerDep,
    params: SeriesParamsDep,
    type: Annotated[list[CaseType] | None, Query(max_length=7)] = None,
    tag: Codes = None,
) -> SeriesOut | Response:
    """Contacts per bucket. `measure`: count, fcr_rate, average_handle_seconds. `group_by`:
    channel, type, department, service, agent, tag, area:<layer>. A contact counts once in
    each tag, department, service or area it is about (its own, or its requests')."""
    more = {
        "types": tuple(t.value for t in type or ()),
        "tags": tuple(t.strip().lower() for t in tag or ()),
    }
    return await _series(Family.CONTACTS, reader, container, params, **more)


@router.get("/requests", response_model=SeriesOut, responses=SERIES_RESPONSES)
async def get_request_series(
    reader: MetricsReaderDep, container: ContainerDep, params: SeriesParamsDep
) -> SeriesOut | Response:
    """Requests opened (when they came in) or closed (when they closed) per bucket.
    `group_by`: channel, service, department, status, area:<layer>."""
    return await _series(Family.REQUESTS, reader, container, params)


@router.get("/sla", response_model=SeriesOut, responses=SERIES_RESPONSES)
async def get_sla_series(
    reader: MetricsReaderDep, container: ContainerDep, params: SeriesParamsDep
) -> SeriesOut | Response:
    """Over requests closed in each bucket: `on_time_rate` (closed by their expected date,
    of those with one), `hours_to_close_p50` or `_p90`. `group_by`: department, service."""
    return await _series(Family.SLA, reader, container, params)


@router.get("/csat", response_model=SeriesOut, responses=SERIES_RESPONSES)
async def get_csat_series(
    reader: MetricsReaderDep, container: ContainerDep, params: SeriesParamsDep
) -> SeriesOut | Response:
    """Satisfaction survey answers, by when they were given. `measure`: average_score (1 to
    5), satisfied_rate (scores of 4 or 5, out of answers), answered. `group_by`: department,
    service, channel (the request's intake channel)."""
    return await _series(Family.CSAT, reader, container, params)


@router.get("/calls", response_model=SeriesOut, responses=SERIES_RESPONSES)
async def get_call_series(
    reader: MetricsReaderDep,
    container: ContainerDep,
    params: SeriesParamsDep,
    queue: Codes = None,
) -> SeriesOut | Response:
    """The phone system's calls, by when they were offered. `measure`:
    answered_within_threshold_rate (of calls answered), offered, answered, abandoned,
    abandonment_rate, average_speed_of_answer_s, and through the contacts logged for the
    calls (`call_id`) fcr_rate and average_handle_seconds. `group_by`: queue, agent,
    hour_of_day (0-23 in the city's zone, for peak against off-peak). Supervisors and
    admins only."""
    reader.require_contact_center()
    return await _series(Family.CALLS, reader, container, params, queues=tuple(queue or ()))


Layer = Annotated[
    str,
    Query(min_length=1, max_length=64, description="An info layer's slug (council-districts)"),
]


@router.get("/top-issues", response_model=TopIssuesOut, responses=problem_responses(401, 403, 422))
async def get_top_issues(
    reader: MetricsReaderDep,
    container: ContainerDep,
    layer: Layer,
    limit: Annotated[int, Query(ge=1, le=50, description="Services per area")] = 5,
    start: FromQuery = None,
    to: ToQuery = None,
    department: DepartmentQuery = None,
    service_code: Codes = None,
) -> TopIssuesOut:
    """The most requested services of each area of a layer in the window, with their count
    in the period of the same length just before. A request's area is the one it was
    resolved to when it came in."""
    zone = container.settings.zone
    window = window_of(start, to, container.clock.now(), zone)
    f = Filters(reader.department_filter(department), tuple(service_code or ()))
    found = await container.metrics.areas.top_issues(layer, window, f, limit)
    return TopIssuesOut.of(layer, window, found, zone)


@router.get(
    "/open-by-area", response_model=OpenByAreaOut, responses=problem_responses(401, 403, 422)
)
async def get_open_by_area(
    reader: MetricsReaderDep,
    container: ContainerDep,
    layer: Layer,
    department: DepartmentQuery = None,
    service_code: Codes = None,
) -> OpenByAreaOut:
    """Requests open now in each area of a layer, for the map (its shapes:
    GET /api/v1/jurisdictions/layers/{layer}.geojson?simplify=)."""
    f = Filters(reader.department_filter(department), tuple(service_code or ()))
    found, outside = await container.metrics.areas.open_by_area(layer, f)
    areas = [AreaOpenOut(code=a.code, name=a.name, open=a.open) for a in found]
    return OpenByAreaOut(layer=layer, areas=areas, outside=outside)

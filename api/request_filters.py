"""The filters of the staff request list, as one dependency: the list and the exports take
exactly the same query parameters, so an export is always the list it was asked from."""

from dataclasses import dataclass
from datetime import datetime
from typing import Annotated
from uuid import UUID

from fastapi import Depends, Query
from pydantic import TypeAdapter
from pydantic import ValidationError as PydanticValidationError

from adapters.db.read_models.changes import is_change_cursor
from domain.directory.permissions import Principal
from domain.requests.escalation import EscalationPolicy, Threshold
from domain.requests.model import Status
from domain.requests.queries import RequestFilter, StandingFilter
from domain.shared.errors import ValidationFailed

DATE_TIME = TypeAdapter(datetime)
UPDATED_AFTER = (
    "Polling: a change cursor, `0` to start and then the `next_cursor` of the last page; the "
    "answer is then the change feed, oldest change first, and never skips a change even when "
    "transactions commit out of order. A date-time instead filters the newest-first list on "
    "its last update"
)
OVERDUE = "Only open requests whose expected completion date has passed"
EXTERNAL_ID = (
    "Exactly this `external_id`: the id in a department's work-order system, or the source's "
    "id of a request imported from the city's history"
)
AREA = "Only requests in one area of a boundary layer, as `<layer>:<code>` (`neighborhoods:Canton`)"
DUE_SOON = (
    "Only open requests that are due soon (not yet overdue); with `overdue`, both. The same "
    "rule as each request's `due_soon` and `overdue`"
)


@dataclass(frozen=True)
class RequestListQuery:
    """What the caller asked for; `filter` adds who they are and where the page starts."""

    statuses: list[Status]
    service_codes: list[str]
    department: str | None
    assignee: UUID | None
    created_from: datetime | None
    created_to: datetime | None
    updated_after: str | None  # a change cursor or a date-time
    overdue: bool
    due_soon: bool
    q: str | None
    area: str | None
    external_id: str | None

    @property
    def change_cursor(self) -> str | None:
        """The change cursor given in `updated_after`, if it is one."""
        given = self.updated_after
        return given if given is not None and is_change_cursor(given) else None

    def filter(
        self,
        principal: Principal,
        now: datetime,
        escalation: EscalationPolicy,
        limit: int = 50,
        cursor: str | None = None,
    ) -> RequestFilter:
        """The read model's filter: staff see their own department's requests only."""
        return RequestFilter(
            statuses=[s.value for s in self.statuses],
            service_codes=self.service_codes,
            department=self.department,
            assignee_id=self.assignee,
            created_from=self.created_from,
            created_to=self.created_to,
            updated_after=_date_time("updated_after", self.updated_after),
            standing=self._standing(now, escalation),
            q=self.q,
            area=_area(self.area),
            external_id=self.external_id,
            limit=limit,
            cursor=cursor,
            visible_department=principal.visible_department(),
        )

    def _standing(self, now: datetime, escalation: EscalationPolicy) -> StandingFilter | None:
        late = {Threshold.DUE_SOON} if self.due_soon else set()
        late |= {Threshold.OVERDUE} if self.overdue else set()
        return StandingFilter(frozenset(late), now, escalation) if late else None


def _date_time(field: str, value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return DATE_TIME.validate_python(value)
    except PydanticValidationError:
        raise ValidationFailed.single(field, "is neither a change cursor nor a date-time") from None


def _area(value: str | None) -> tuple[str, str] | None:
    if value is None:
        return None
    layer, _, code = value.partition(":")
    if not layer or not code:
        raise ValidationFailed.single("area", "is not <layer>:<code>")
    return layer, code


def _csv(values: list[str] | None) -> list[str]:
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


def request_list_query(
    status: Annotated[list[Status] | None, Query()] = None,
    service_code: Annotated[list[str] | None, Query(max_length=50)] = None,
    department: Annotated[str | None, Query(max_length=64)] = None,
    assignee: Annotated[UUID | None, Query()] = None,
    created_from: Annotated[datetime | None, Query()] = None,
    created_to: Annotated[datetime | None, Query()] = None,
    updated_after: Annotated[str | None, Query(max_length=100, description=UPDATED_AFTER)] = None,
    overdue: Annotated[bool, Query(description=OVERDUE)] = False,
    due_soon: Annotated[bool, Query(description=DUE_SOON)] = False,
    q: Annotated[str | None, Query(max_length=200)] = None,
    area: Annotated[str | None, Query(max_length=200, description=AREA)] = None,
    external_id: Annotated[str | None, Query(max_length=200, description=EXTERNAL_ID)] = None,
) -> RequestListQuery:
    return RequestListQuery(
        statuses=list(status or []),
        service_codes=_csv(service_code),
        department=department,
        assignee=assignee,
        created_from=created_from,
        created_to=created_to,
        updated_after=updated_after,
        overdue=overdue,
        due_soon=due_soon,
        q=q,
        area=area,
        external_id=external_id,
    )


RequestListQueryDep = Annotated[RequestListQuery, Depends(request_list_query)]

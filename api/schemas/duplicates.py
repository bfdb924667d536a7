"""Bodies of the duplicate endpoints: candidates near a point, and merging."""

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from api.schemas.requests import LocationOut, ServiceRequestOut, Strict
from domain.requests.duplicates import Match
from domain.requests.escalation import Standing
from domain.requests.model import ServiceRequest, Status


class RequestSummaryOut(BaseModel):
    """What an agent needs to recognise a request, without its reporter."""

    id: str = Field(examples=["26-00000123"])
    service_code: str
    department: str
    status: Status
    description: str
    location: LocationOut
    requested_at: datetime
    expected_datetime: datetime | None

    @classmethod
    def of(cls, r: ServiceRequest) -> "RequestSummaryOut":
        return cls(
            id=r.id,
            service_code=r.service_code,
            department=r.department_code,
            status=r.status,
            description=r.description,
            location=LocationOut.of(r),
            requested_at=r.requested_at,
            expected_datetime=r.expected_at,
        )


class DuplicateOut(BaseModel):
    request: RequestSummaryOut
    distance_m: float = Field(description="metres from the probe's point, to 0.1 m")
    score: float = Field(ge=0, le=1, description="how likely a duplicate, 0..1, to 0.001")

    @classmethod
    def of(cls, match: Match[ServiceRequest]) -> "DuplicateOut":
        return cls(
            request=RequestSummaryOut.of(match.candidate),
            distance_m=round(match.distance_m, 1),
            score=round(match.score, 3),
        )


class DuplicateList(BaseModel):
    items: list[DuplicateOut]

    @classmethod
    def of(cls, matches: list[Match[ServiceRequest]]) -> "DuplicateList":
        return cls(items=[DuplicateOut.of(m) for m in matches])


class ServiceRequestCreated(ServiceRequestOut):
    possible_duplicates: list[DuplicateOut] = Field(
        description="open requests this one may repeat, best first (empty without a point)"
    )

    @classmethod
    def of_new(
        cls, request: ServiceRequest, standing: Standing, matches: list[Match[ServiceRequest]]
    ) -> "ServiceRequestCreated":
        answer = ServiceRequestOut.of(request, standing)
        return cls(**dict(answer), possible_duplicates=[DuplicateOut.of(m) for m in matches])


class MergeIn(Strict):
    into: Annotated[str, StringConstraints(min_length=1, max_length=64)] = Field(
        description="the request this one duplicates"
    )

"""The fake duplicate search: what the SQL narrows (service or group, open, not the excluded
request or its direct followers, the visible department), then the domain's own ranking."""

from collections.abc import Callable

from domain.directory.catalog import Service
from domain.requests.duplicates import Match, rank
from domain.requests.model import ServiceRequest, Status
from domain.requests.nearby import NearbyQuery


class FakeDuplicateCandidates:
    def __init__(
        self,
        requests: Callable[[], list[ServiceRequest]],
        services: Callable[[], list[Service]],
    ) -> None:
        self._requests = requests  # the unit of work's view: committed rows and its own writes
        self._services = services

    async def nearby(self, q: NearbyQuery) -> list[Match[ServiceRequest]]:
        codes = self._same_service_or_group(q.probe.service_code)
        candidates = [r for r in self._requests() if r.service_code in codes and _kept(r, q)]
        return rank(q.probe, candidates, q.policy, q.now)[: q.limit]

    def _same_service_or_group(self, code: str) -> set[str]:
        services = self._services()
        group = next((s.group for s in services if s.code == code), "")
        return {code} | ({s.code for s in services if s.group == group} if group else set())


def _kept(request: ServiceRequest, q: NearbyQuery) -> bool:
    if request.status is Status.CLOSED:
        return False
    if q.exclude is not None and q.exclude in (request.id, request.duplicate_of):
        return False
    return q.visible_department in (None, request.department_code)

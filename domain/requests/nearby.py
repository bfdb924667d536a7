"""What the duplicate read model is asked: open requests near a probe, by a policy."""

from dataclasses import dataclass
from datetime import datetime

from domain.requests.duplicates import DuplicatePolicy, Probe


@dataclass(frozen=True)
class NearbyQuery:
    probe: Probe
    policy: DuplicatePolicy
    now: datetime  # when the probe was reported; the window counts both ways from it
    limit: int = 10
    exclude: str | None = None  # a request, and the requests merged into it
    visible_department: str | None = None

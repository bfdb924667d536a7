"""The stretch of time a report card covers."""

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Window:
    start: datetime
    end: datetime
    time_zone: str  # an IANA name, for PostgreSQL's timezone()

"""What the metrics screens read: the summary, series, and the figures per area."""

from datetime import datetime, timedelta
from typing import Protocol

from domain.metrics.model import AreaIssues, AreaOpen, Filters, Series, SeriesQuestion, Summary
from domain.metrics.window import Window


class SummaryReads(Protocol):
    async def summary(self, window: Window, department: str | None, now: datetime) -> Summary: ...


class SeriesReads(Protocol):
    async def series(self, q: SeriesQuestion) -> Series: ...


class AreaMetricsReads(Protocol):
    async def top_issues(
        self, slug: str, window: Window, f: Filters, limit: int
    ) -> list[AreaIssues]:
        """Each area's `limit` most requested services in the window, with their count in
        the period of the same length just before."""
        ...

    async def open_by_area(self, slug: str, f: Filters) -> tuple[list[AreaOpen], int]:
        """Open requests in each area of the layer, and those in none of its areas."""
        ...


class MetricsReads(Protocol):
    @property
    def threshold(self) -> timedelta:
        """A call answered within it meets the service level."""
        ...

    @property
    def summary(self) -> SummaryReads: ...

    @property
    def series(self) -> SeriesReads: ...

    @property
    def areas(self) -> AreaMetricsReads: ...

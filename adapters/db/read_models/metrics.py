"""The metrics read models behind /api/v1/metrics, in one place for the composition root."""

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.read_models.metrics_areas import MetricsAreasReadModel
from adapters.db.read_models.metrics_series import MetricsSeriesReadModel
from adapters.db.read_models.metrics_summary import MetricsSummaryReadModel


class MetricsReadModel:
    def __init__(self, engine: AsyncEngine, threshold: timedelta) -> None:
        self.threshold = threshold  # a call answered within it meets the service level
        self.summary = MetricsSummaryReadModel(engine, threshold)
        self.series = MetricsSeriesReadModel(engine)
        self.areas = MetricsAreasReadModel(engine)

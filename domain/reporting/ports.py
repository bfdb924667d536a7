"""The report card's read model as the API sees it."""

from typing import Protocol

from domain.reporting.report_card import Figures
from domain.reporting.window import Window

FiguresKey = tuple[str, str | None]  # (department, month label); None: the whole window


class ReportCardReads(Protocol):
    async def figures(self, window: Window) -> dict[FiguresKey, Figures]: ...

"""A progress bar for long commands: bar, share done, rows (or other units), their rate and time
left.

On a terminal the line is redrawn in place, at most ten times a second; anywhere else (a log,
a pipe, CI) only the final line is written, so logs stay readable. Messages written through
`note` (a bad row, say) appear above the bar without tearing it.
"""

import sys
import time
from collections.abc import Callable
from typing import TextIO

WIDTH = 30
REDRAW_SECONDS = 0.1


class ProgressBar:
    def __init__(
        self,
        label: str,
        stream: TextIO | None = None,
        interactive: bool | None = None,
        clock: Callable[[], float] = time.monotonic,
        unit: str = "rows",
    ) -> None:
        self._label = label
        self._unit = unit
        self._stream = stream if stream is not None else sys.stderr
        self._interactive = self._stream.isatty() if interactive is None else interactive
        self._clock = clock
        self._started = clock()
        self._drawn_at = float("-inf")
        self._line = ""

    def update(self, rows: int, done: int, total: int) -> None:
        """`done` of `total` units of work (bytes, say) after `rows` rows (or files, tables...)."""
        elapsed = self._clock() - self._started
        self._line = render(self._label, rows, done, total, elapsed, self._unit)
        now = self._clock()
        if self._interactive and now - self._drawn_at >= REDRAW_SECONDS:
            self._drawn_at = now
            self._draw()

    def note(self, message: str) -> None:
        if self._interactive and self._line:
            self._stream.write("\r\x1b[2K")
        self._stream.write(message + "\n")
        if self._interactive and self._line:
            self._draw()

    def finish(self) -> None:
        """The final line, on a line of its own, whether or not this is a terminal."""
        if not self._line:
            return
        if self._interactive:
            self._draw()
        else:
            self._stream.write(self._line)
        self._stream.write("\n")
        self._stream.flush()

    def _draw(self) -> None:
        self._stream.write("\r\x1b[2K" + self._line)
        self._stream.flush()


def render(label: str, rows: int, done: int, total: int, elapsed: float, unit: str = "rows") -> str:
    share = min(1.0, done / total) if total > 0 else 1.0
    filled = round(share * WIDTH)
    bar = "#" * filled + "." * (WIDTH - filled)
    rate = rows / elapsed if elapsed > 0 else 0.0
    left = elapsed * (1 - share) / share if share > 0 else None
    counted = f"{rows:,} {unit}  {rate:,.0f} {unit}/s"
    return f"{label} [{bar}] {share:4.0%}  {counted}  {_duration(left)} left"


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "--:--"
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:d}:{secs:02d}"

"""What operators' commands share: the database they work on, and their progress bars."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from adapters.backup.processes import Progress
from adapters.db.embedded import EmbeddedPostgres
from api.progress import ProgressBar
from api.settings import Settings


@contextmanager
def target_database(settings: Settings, chosen: str | None = None) -> Iterator[str]:
    """`chosen`, else DATABASE_URL, else the embedded server that `make run` uses (started for
    the command and stopped after it, unless `make run` holds it too)."""
    if url := chosen or settings.database_url:
        yield url
        return
    embedded = EmbeddedPostgres(Path(settings.data_dir))
    try:
        yield embedded.start()
    finally:
        embedded.stop()


@contextmanager
def progress_bar(label: str, unit: str) -> Iterator[Progress]:
    bar = ProgressBar(label, unit=unit)
    try:
        yield bar.update
    finally:
        bar.finish()

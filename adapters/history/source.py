"""A source file's rows, with the line each starts on: CSV, gzip-compressed or not.

Bytes that are not UTF-8 read as U+FFFD rather than stop the import; a byte-order mark is
dropped. Blank lines are not rows; a row the CSV reader refuses is a bad row.
"""

import csv
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from adapters.text_files import open_text
from domain.history.mapping import MappingInvalid
from domain.history.rows import BadRow


@dataclass
class SourceFile:
    header: list[str]
    rows: Iterator[tuple[int, list[str] | BadRow]]  # (line number, fields or why not)
    size: int  # bytes on disk
    _raw: IO[bytes]

    def position(self) -> int:
        """Bytes read from disk so far (compressed bytes for a gzip file), for progress."""
        return self._raw.tell()


@contextmanager
def open_source(path: Path) -> Iterator[SourceFile]:
    with open_text(path, errors="replace") as (text, raw):
        reader = csv.reader(text)
        header = next(reader, None)
        if not header:
            raise MappingInvalid([f"{path} has no header line"])
        yield SourceFile(header, _numbered(reader), path.stat().st_size, raw)


def _numbered(reader: Any) -> Iterator[tuple[int, list[str] | BadRow]]:
    """Each row with the line it starts on; a row the CSV reader refuses (a field over the
    size limit, say) is a bad row, and reading goes on after it."""
    previous = reader.line_num
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            line, previous = previous + 1, reader.line_num
            yield line, BadRow(line, f"is not valid CSV ({error})")
            continue
        line, previous = previous + 1, reader.line_num
        if fields:
            yield line, fields

"""Opening a text file that may be gzip-compressed, told by its first bytes, not its name.

Exports get renamed on the way (`calls.csv` that is really compressed, `data.gz` that is
not), so the gzip magic number decides. A byte-order mark is dropped.
"""

import gzip
import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

GZIP_MAGIC = b"\x1f\x8b"


@contextmanager
def open_text(path: Path, errors: str = "strict") -> Iterator[tuple[io.TextIOWrapper, IO[bytes]]]:
    """The file as text (UTF-8, `errors` as for `open`), and the raw file under it: its
    position is the bytes read from disk, compressed or not, for progress."""
    with path.open("rb") as raw:
        compressed = raw.read(2) == GZIP_MAGIC
        raw.seek(0)
        binary: Any = gzip.GzipFile(fileobj=raw, mode="rb") if compressed else raw
        yield io.TextIOWrapper(binary, encoding="utf-8-sig", errors=errors, newline=""), raw

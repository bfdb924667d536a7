"""manifest.json: what a backup holds, and the SHA-256 of each of its files.

A restore reads it first and checks every file against it before it writes anything.
"""

import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from adapters.backup.processes import Progress

MANIFEST = "manifest.json"
FORMAT = "frontdoor-backup/1"
CHUNK = 1024 * 1024


class BadBackup(ValueError):
    """The folder is not a complete, intact backup; the message says what is wrong."""


@dataclass(frozen=True)
class FileSum:
    bytes: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    created_at: str  # RFC 3339, UTC
    database: str  # its name, never its URL (which may hold a password)
    server_version: str
    pg_dump_version: str
    alembic_revision: str | None
    counts: dict[str, int]  # requests, cases, photos
    media_backend: str  # "disk": media.tar beside the dump; "postgres": the blobs are in it
    media_files: int
    files: dict[str, FileSum] = field(default_factory=dict)
    format: str = FORMAT

    def write(self, folder: Path) -> None:
        text = json.dumps(asdict(self), indent=2, sort_keys=True) + "\n"
        (folder / MANIFEST).write_text(text, encoding="utf-8")

    @classmethod
    def read(cls, folder: Path) -> "Manifest":
        path = folder / MANIFEST
        if not path.is_file():
            raise BadBackup(f"{folder} has no {MANIFEST}: not a backup folder")
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            files = {name: FileSum(**entry) for name, entry in raw.pop("files").items()}
            manifest = cls(**raw, files=files)
        except (ValueError, TypeError, KeyError, AttributeError) as broken:
            raise BadBackup(f"{path} is not a readable manifest: {broken}") from None
        if manifest.format != FORMAT:
            raise BadBackup(f"{path} is of format {manifest.format!r}, not {FORMAT!r}")
        return manifest


def checksum(path: Path, read_so_far: Callable[[int], None] | None = None) -> str:
    digest = hashlib.sha256()
    read = 0
    with path.open("rb") as data:
        while chunk := data.read(CHUNK):
            digest.update(chunk)
            read += len(chunk)
            if read_so_far:
                read_so_far(read)
    return digest.hexdigest()


def summed(folder: Path, names: list[str]) -> dict[str, FileSum]:
    return {
        name: FileSum((folder / name).stat().st_size, checksum(folder / name)) for name in names
    }


def verify(folder: Path, manifest: Manifest, progress: Progress | None = None) -> None:
    """Raises BadBackup unless every file the manifest lists is there, whole and unchanged."""
    total = sum(entry.bytes for entry in manifest.files.values())
    done = 0
    for checked, (name, expected) in enumerate(sorted(manifest.files.items())):
        path = folder / name
        if not path.is_file():
            raise BadBackup(f"{name} is missing from {folder}")
        if path.stat().st_size != expected.bytes:
            raise BadBackup(f"{name} has {path.stat().st_size:,} bytes, not {expected.bytes:,}")

        def read_so_far(read: int, checked: int = checked, before: int = done) -> None:
            if progress:
                progress(checked, before + read, total)

        if checksum(path, read_so_far) != expected.sha256:
            raise BadBackup(f"{name} does not match its SHA-256 in {MANIFEST}: it was altered")
        done += expected.bytes
        if progress:
            progress(checked + 1, done, total)

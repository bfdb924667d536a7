"""The disk media store (content-addressed files) as one tar beside the dump, and back."""

import tarfile
from pathlib import Path

from adapters.backup.processes import Progress

MEDIA_TAR = "media.tar"
UPLOADING = ".upload-"  # a file still being written by LocalMediaStore: not a photo yet


def archive_media(directory: Path, archive: Path, progress: Progress) -> int:
    """Writes every stored file under `directory` into `archive` (uncompressed: photos are
    compressed already); the number of files. A missing directory archives as empty."""
    files = sorted(_stored(directory))
    total = sum(path.stat().st_size for path in files)
    done = 0
    with tarfile.open(archive, "w") as tar:
        for count, path in enumerate(files, start=1):
            tar.add(path, arcname=path.relative_to(directory).as_posix(), recursive=False)
            done += path.stat().st_size
            progress(count, done, total)
    progress(len(files), total, total)
    return len(files)


def _stored(directory: Path) -> list[Path]:
    if not directory.is_dir():
        return []
    return [p for p in directory.rglob("*") if p.is_file() and not p.name.startswith(UPLOADING)]


def extract_media(archive: Path, directory: Path, progress: Progress) -> int:
    """Unpacks `archive` into `directory`; tar's "data" filter refuses links, devices and
    paths that leave the directory. The number of files."""
    directory.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive) as tar:
        members = [member for member in tar.getmembers() if member.isfile()]
        total = sum(member.size for member in members)
        done = 0
        for count, member in enumerate(members, start=1):
            tar.extract(member, directory, filter="data")
            done += member.size
            progress(count, done, total)
    progress(len(members), total, total)
    return len(members)

"""The manifest: read back as written, and every file checked against its SHA-256."""

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from adapters.backup.manifest import BadBackup, Manifest, summed, verify


def backup_folder(tmp_path: Path) -> tuple[Path, Manifest]:
    (tmp_path / "database.dump").write_bytes(b"PGDMP dump")
    (tmp_path / "media.tar").write_bytes(b"tar" * 1000)
    manifest = Manifest(
        created_at="2026-12-05T09:00:00Z",
        database="frontdoor",
        server_version="15.20",
        pg_dump_version="15.20",
        alembic_revision="20261205_0031",
        counts={"requests": 3, "cases": 2, "photos": 1},
        media_backend="disk",
        media_files=1,
        files=summed(tmp_path, ["database.dump", "media.tar"]),
    )
    manifest.write(tmp_path)
    return tmp_path, manifest


def test_the_manifest_reads_back_as_written_with_each_files_sum(tmp_path: Path) -> None:
    folder, written = backup_folder(tmp_path)
    assert Manifest.read(folder) == written
    assert written.files["database.dump"].sha256 == hashlib.sha256(b"PGDMP dump").hexdigest()
    assert written.files["media.tar"].bytes == 3000


def test_an_intact_backup_verifies_with_progress_to_the_last_byte(tmp_path: Path) -> None:
    folder, manifest = backup_folder(tmp_path)
    seen: list[tuple[int, int, int]] = []
    verify(folder, manifest, lambda *step: seen.append(step))
    assert seen[-1] == (2, 3010, 3010)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda f: (f / "media.tar").unlink(), "media.tar is missing"),
        (lambda f: (f / "media.tar").write_bytes(b"tar" * 999), "has 2,997 bytes, not 3,000"),
        (lambda f: (f / "database.dump").write_bytes(b"PGDMP dunp"), "was altered"),
    ],
)
def test_a_missing_short_or_altered_file_is_refused(
    tmp_path: Path, change: Callable[[Path], object], reason: str
) -> None:
    folder, manifest = backup_folder(tmp_path)
    change(folder)
    with pytest.raises(BadBackup, match=reason):
        verify(folder, manifest)


def test_a_folder_without_a_readable_manifest_is_no_backup(tmp_path: Path) -> None:
    with pytest.raises(BadBackup, match=r"no manifest\.json"):
        Manifest.read(tmp_path)
    (tmp_path / "manifest.json").write_text('{"format": "frontdoor-backup/1"}')
    with pytest.raises(BadBackup, match="not a readable manifest"):
        Manifest.read(tmp_path)

"""The disk media store into one tar and back; nothing outside the directory is written."""

import io
import tarfile
from pathlib import Path

import pytest

from adapters.backup.media_archive import archive_media, extract_media

KEY = "ab" + "0" * 62


def test_stored_files_go_into_the_tar_and_come_back_and_uploads_do_not(tmp_path: Path) -> None:
    media = tmp_path / "media"
    (media / "ab").mkdir(parents=True)
    (media / "ab" / KEY).write_bytes(b"photo")
    (media / "ab" / ".upload-x1").write_bytes(b"half a photo")
    steps: list[tuple[int, int, int]] = []

    assert archive_media(media, tmp_path / "media.tar", lambda *s: steps.append(s)) == 1
    assert steps[-1] == (1, 5, 5)
    assert extract_media(tmp_path / "media.tar", tmp_path / "back", lambda *s: None) == 1
    restored = [p.relative_to(tmp_path / "back") for p in (tmp_path / "back").rglob("*")]
    assert sorted(map(str, restored)) == ["ab", f"ab/{KEY}"]
    assert (tmp_path / "back" / "ab" / KEY).read_bytes() == b"photo"


def test_a_missing_media_directory_archives_as_empty(tmp_path: Path) -> None:
    assert archive_media(tmp_path / "none", tmp_path / "media.tar", lambda *s: None) == 0
    with tarfile.open(tmp_path / "media.tar") as tar:
        assert tar.getnames() == []


def test_a_member_leaving_the_directory_is_refused(tmp_path: Path) -> None:
    with tarfile.open(tmp_path / "evil.tar", "w") as tar:
        member = tarfile.TarInfo("../escaped")
        member.size = 4
        tar.addfile(member, io.BytesIO(b"evil"))
    with pytest.raises(tarfile.OutsideDestinationError):
        extract_media(tmp_path / "evil.tar", tmp_path / "media", lambda *s: None)
    assert not (tmp_path / "escaped").exists()

"""Text files open by what their bytes are, not what their names say."""

import gzip
from pathlib import Path

import pytest

from adapters.text_files import open_text

CSV = "call_id,queue\nc-1,general\n"


def test_a_compressed_file_named_csv_reads_as_text(tmp_path: Path) -> None:
    path = tmp_path / "calls.csv"
    path.write_bytes(gzip.compress(CSV.encode()))
    with open_text(path) as (text, raw):
        assert text.read() == CSV
        assert raw.tell() == path.stat().st_size


def test_a_plain_file_named_gz_reads_as_text_without_its_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "calls.csv.gz"
    path.write_bytes(b"\xef\xbb\xbf" + CSV.encode())
    with open_text(path) as (text, _):
        assert text.read() == CSV


def test_bytes_that_are_not_utf8_are_refused_or_replaced_as_asked(tmp_path: Path) -> None:
    path = tmp_path / "calls.csv"
    path.write_bytes(b"call_id\n\xff\n")
    with open_text(path) as (text, _), pytest.raises(UnicodeDecodeError):
        text.read()
    with open_text(path, errors="replace") as (text, _):
        assert text.read() == "call_id\n\ufffd\n"

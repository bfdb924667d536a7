"""pg_dump and pg_restore: the closest version new enough, or a message that says what to do."""

from pathlib import Path

import pytest

from adapters.backup.tools import ToolMissing, find_tool, major_of


def fake_bin(root: Path, version: str) -> Path:
    """A bin directory whose pg_dump answers `--version` as PostgreSQL `version` would."""
    directory = root / version / "bin"
    directory.mkdir(parents=True)
    tool = directory / "pg_dump"
    tool.write_text(f'#!/bin/sh\necho "pg_dump (PostgreSQL) {version}"\n')
    tool.chmod(0o755)
    return directory


def test_the_lowest_version_at_least_the_servers_wins(tmp_path: Path) -> None:
    directories = [fake_bin(tmp_path, v) for v in ("14.11", "16.2", "15.20")]
    tool = find_tool("pg_dump", 15, directories)
    assert (tool.path, tool.major, tool.version) == (directories[2] / "pg_dump", 15, "15.20")
    assert find_tool("pg_dump", 16, directories).version == "16.2"


def test_no_version_new_enough_names_what_was_found_and_what_to_do(tmp_path: Path) -> None:
    directories = [fake_bin(tmp_path, "15.20"), tmp_path / "empty"]
    with pytest.raises(ToolMissing) as missing:
        find_tool("pg_dump", 16, directories)
    message = str(missing.value)
    assert "no pg_dump of PostgreSQL 16 or newer" in message
    assert "(15.20)" in message and "FRONTDOOR_PG_BIN" in message


def test_a_binary_that_is_not_postgresql_is_passed_over(tmp_path: Path) -> None:
    directory = tmp_path / "bin"
    directory.mkdir()
    (directory / "pg_dump").write_text("#!/bin/sh\necho 'something else 99'\n")
    (directory / "pg_dump").chmod(0o755)
    with pytest.raises(ToolMissing):
        find_tool("pg_dump", 10, [directory])


def test_major_versions_are_read_from_server_and_tool_versions() -> None:
    assert major_of("15.20 (Debian 15.20-0+deb12u1)") == 15
    assert major_of("16.2") == 16
    with pytest.raises(ValueError, match="not a PostgreSQL version"):
        major_of("unknown")

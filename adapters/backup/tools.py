"""Finding pg_dump and pg_restore of a suitable PostgreSQL version.

pg_dump refuses a server newer than itself, and pg_restore an archive written by a newer
pg_dump; the machine may hold several versions (the embedded pgserver ships its own, Debian
keeps each in /usr/lib/postgresql/N/bin). The closest version that is new enough wins.
"""

import glob
import importlib.util
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

PG_BIN = "FRONTDOOR_PG_BIN"  # a bin directory to use instead of searching
VERSION = re.compile(r"\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?")


class ToolMissing(RuntimeError):
    """No usable pg_dump or pg_restore: the message says which version is needed and where
    the search looked."""


@dataclass(frozen=True)
class Tool:
    path: Path
    major: int
    version: str


def find_tool(name: str, at_least: int, directories: list[Path] | None = None) -> Tool:
    """The `name` binary of the lowest major version >= `at_least`, in `directories` (by
    default: FRONTDOOR_PG_BIN, else pgserver's, Debian's and the one on PATH)."""
    directories = _directories() if directories is None else directories
    found = [tool for tool in (_probe(d / name) for d in directories) if tool]
    usable = sorted((t for t in found if t.major >= at_least), key=lambda t: t.major)
    if usable:
        return usable[0]
    seen = ", ".join(f"{t.path} ({t.version})" for t in found) or "none"
    looked = ", ".join(str(d) for d in directories) or "nowhere"
    raise ToolMissing(
        f"no {name} of PostgreSQL {at_least} or newer: found {seen}; looked in {looked}. "
        f"Install the PostgreSQL {at_least} client tools, or set {PG_BIN} to their bin directory."
    )


def _directories() -> list[Path]:
    if chosen := os.environ.get(PG_BIN):
        return [Path(chosen)]
    candidates = [_pgserver_bin()]
    candidates += [Path(d) for d in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)]
    on_path = shutil.which("pg_dump")
    candidates.append(Path(on_path).resolve().parent if on_path else None)
    unique: list[Path] = []
    for directory in candidates:
        if directory is not None and directory.is_dir() and directory not in unique:
            unique.append(directory)
    return unique


def _pgserver_bin() -> Path | None:
    """The binaries of the embedded server, found without importing (and starting) pgserver."""
    spec = importlib.util.find_spec("pgserver")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "pginstall" / "bin"


def _probe(path: Path) -> Tool | None:
    if not os.access(path, os.X_OK):
        return None
    try:
        answer = subprocess.run(  # noqa: S603 - a binary we found, no shell
            [str(path), "--version"], capture_output=True, text=True, timeout=10, check=True
        )
    except (OSError, subprocess.SubprocessError):
        return None
    match = VERSION.search(answer.stdout)
    if not match:
        return None
    major, minor = match.groups()
    return Tool(path, int(major), f"{major}.{minor}" if minor else major)


def major_of(version: str) -> int:
    """The major version of `16.2` or `15.20 (Debian 15.20-0+deb12u1)`."""
    match = re.match(r"\s*(\d+)", version)
    if not match:
        raise ValueError(f"not a PostgreSQL version: {version!r}")
    return int(match.group(1))

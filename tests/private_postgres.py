"""A PostgreSQL cluster of the test's own, on a free port, that the test may stop and start
again (an outage) without touching the shared server.

It uses the server binaries found on PATH or in /usr/lib/postgresql/*/bin (Debian's
postgresql package), or pgserver's. Run as root, the cluster runs as the `postgres` user
(initdb refuses root), or `nobody` when there is none.
"""

import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.server import free_port


def _bin_dir() -> Path:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    for candidate in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (candidate / "pg_ctl").exists():
            return candidate
    from pgserver._commands import POSTGRES_BIN_PATH  # the embedded server's binaries

    return Path(POSTGRES_BIN_PATH)


def _run_as() -> pwd.struct_passwd | None:
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise RuntimeError("no unprivileged user to run PostgreSQL as")


@dataclass
class PrivatePostgres:
    """`url` reaches the `postgres` database as the `postgres` superuser (trust, local only)."""

    data: Path
    port: int
    bin: Path
    user: pwd.struct_passwd | None

    @property
    def url(self) -> str:
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/postgres"

    def _pg(self, *args: str) -> None:
        subprocess.run(  # noqa: S603 (the server's own binaries, arguments made here)
            [str(self.bin / args[0]), *args[1:]],
            check=True,
            capture_output=True,
            user=self.user.pw_uid if self.user else None,
            group=self.user.pw_gid if self.user else None,
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = str(self.data / "server.log")
        cluster = str(self.data / "cluster")
        self._pg("pg_ctl", "-D", cluster, "-o", options, "-l", log, "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        """`mode` is pg_ctl's: fast (clients disconnected, a clean checkpoint) or immediate
        (every process quits at once, as in a crash; the next start recovers from the WAL)."""
        self._pg("pg_ctl", "-D", str(self.data / "cluster"), "-m", mode, "-w", "stop")


@contextmanager
def private_postgres() -> Iterator[PrivatePostgres]:
    user = _run_as()
    data = Path(tempfile.mkdtemp(prefix="frontdoor-private-pg-"))
    if user is not None:
        os.chown(data, user.pw_uid, user.pw_gid)
    server = PrivatePostgres(data, free_port(), _bin_dir(), user)
    try:
        cluster = str(data / "cluster")
        server._pg("initdb", "-D", cluster, "-U", "postgres", "--auth=trust", "-E", "UTF8")
        server.start()
        try:
            yield server
        finally:
            server.stop()
    finally:
        shutil.rmtree(data, ignore_errors=True)

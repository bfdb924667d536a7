"""`python -m api` (what `make run` and the Docker image start) stops its worker, and its
mail-in process, on SIGTERM.

uvicorn re-raises SIGTERM after its graceful shutdown; without our handler the process died
there and left its worker running, still taking jobs from the database.
"""

import os
import signal
import subprocess
import sys

import psutil
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.server import free_port, wait_ready
from tests.shared_data import REPO


def test_sigterm_stops_the_server_and_its_worker(seeded: AsyncEngine, database_url: str) -> None:
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "PORT": str(port),
        "FRONTDOOR_LOG_LEVEL": "WARNING",
        "FRONTDOOR_ESCALATION_CRON": "",
        "FRONTDOOR_SMTP_INBOUND_PORT": str(free_port()),  # not 2525: other runs may hold it
    }
    server = subprocess.Popen([sys.executable, "-m", "api"], env=env, cwd=REPO)
    try:
        wait_ready(f"http://127.0.0.1:{port}", server)
        children = psutil.Process(server.pid).children(recursive=True)
        workers = [child for child in children if child.cmdline()[-2:] == ["api", "worker"]]
        mail_in = [child for child in children if child.cmdline()[-2:] == ["api", "mail-in"]]
        assert len(workers) == 1, "python -m api starts one worker"
        assert len(mail_in) == 1, "and, in development, one process receiving mail"
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=30) == 128 + signal.SIGTERM
        gone, alive = psutil.wait_procs(workers + mail_in, timeout=20)
        assert alive == [] and len(gone) == 2
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()

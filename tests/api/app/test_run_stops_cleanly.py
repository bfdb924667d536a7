"""`python -m api` (what `make run` and the Docker image start) stops its worker on SIGTERM.

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
    }
    server = subprocess.Popen([sys.executable, "-m", "api"], env=env, cwd=REPO)
    try:
        wait_ready(f"http://127.0.0.1:{port}", server)
        workers = [
            child
            for child in psutil.Process(server.pid).children(recursive=True)
            if child.cmdline()[-2:] == ["api", "worker"]
        ]
        assert len(workers) == 1, "python -m api starts one worker"
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=30) == 128 + signal.SIGTERM
        gone, alive = psutil.wait_procs(workers, timeout=20)
        assert alive == [] and len(gone) == 1
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()

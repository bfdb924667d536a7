"""The product as production runs it: API processes and worker processes, started apart,
each one a `python -m api` subprocess on the private cluster."""

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import httpx

from bench.server import free_port
from tests.chaos.clients import PUBLIC_BASE, TWILIO_TOKEN

ROOT = Path(__file__).resolve().parents[2]


def product_environment(database_url: str, mail_dir: Path, media_dir: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "FRONTDOOR_RUN_WORKER": "false",  # workers are separate processes here, as in production
        "FRONTDOOR_DEMO_DATA": "false",  # loaded once by the test, before any process starts
        "FRONTDOOR_LOG_LEVEL": "WARNING",
        "FRONTDOOR_EMAIL_BACKEND": "file",
        "FRONTDOOR_MAIL_DIR": str(mail_dir),
        "FRONTDOOR_MEDIA_DIR": str(media_dir),
        "FRONTDOOR_SMTP_INBOUND_PORT": "0",
        "FRONTDOOR_WORKER_HEARTBEAT_SECONDS": "1",
        "FRONTDOOR_WEBHOOK_RETRY_BASE_SECONDS": "0.2",
        "FRONTDOOR_WEBHOOK_RETRY_CAP_SECONDS": "2",
        "FRONTDOOR_WEBHOOK_TIMEOUT_SECONDS": "5",
        "FRONTDOOR_ESCALATION_CRON": "",
        "FRONTDOOR_OUTBOUND_ALLOW_LOOPBACK": "true",  # the webhook receiver is on 127.0.0.1
        "FRONTDOOR_DB_POOL_SIZE": "5",
        "FRONTDOOR_DB_MAX_OVERFLOW": "5",
        "FRONTDOOR_SPA_DIR": str(ROOT / "no-spa"),
        "FRONTDOOR_TWILIO_AUTH_TOKEN": TWILIO_TOKEN,
        "FRONTDOOR_PUBLIC_BASE_URL": PUBLIC_BASE,
    }


@dataclass
class Process:
    """One API or worker process; `restarts` counts every start after the first."""

    name: str
    command: list[str]
    env: dict[str, str]
    log: IO[bytes]
    port: int | None = None  # HTTP, ready when /healthz answers
    smtp_port: int | None = None  # ready when it takes a connection
    popen: subprocess.Popen[bytes] | None = None
    starts: int = 0
    unexpected_exits: list[int] = field(default_factory=list)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        env = self.env if self.port is None else {**self.env, "PORT": str(self.port)}
        self.popen = subprocess.Popen(  # noqa: S603 (our own interpreter and module)
            self.command, env=env, cwd=ROOT, stdout=self.log, stderr=self.log
        )
        self.starts += 1

    def alive(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def kill(self) -> None:
        """SIGKILL: no shutdown, no cleanup, as when a machine dies."""
        assert self.popen is not None
        self.popen.send_signal(signal.SIGKILL)
        self.popen.wait(timeout=10)

    def stop(self) -> None:
        if not self.alive():
            return
        assert self.popen is not None
        self.popen.send_signal(signal.SIGTERM)
        try:
            self.popen.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.popen.kill()
            self.popen.wait()

    def wait_ready(self, seconds: float = 90) -> None:
        if self.port is None and self.smtp_port is None:
            return
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if not self.alive():
                raise RuntimeError(f"{self.name} exited during start-up")
            if self._answers():
                return
            time.sleep(0.2)
        raise RuntimeError(f"{self.name} was not up within {seconds} s")

    def _answers(self) -> bool:
        try:
            if self.smtp_port is not None:
                socket.create_connection(("127.0.0.1", self.smtp_port), timeout=1).close()
                return True
            return httpx.get(f"{self.base}/healthz", timeout=1).status_code == 200
        except (OSError, httpx.HTTPError):
            return False


def api_process(index: int, env: dict[str, str], log: IO[bytes]) -> Process:
    command = [sys.executable, "-m", "api"]
    return Process(f"api-{index}", command, env, log, port=free_port())


def worker_process(index: int, env: dict[str, str], log: IO[bytes]) -> Process:
    return Process(f"worker-{index}", [sys.executable, "-m", "api", "worker"], env, log)


def mail_in_process(env: dict[str, str], log: IO[bytes]) -> Process:
    """`python -m api mail-in`: the SMTP listener residents' mail arrives at."""
    port = free_port()
    listening = {**env, "FRONTDOOR_SMTP_INBOUND_PORT": str(port)}
    return Process("mail-in", [sys.executable, "-m", "api", "mail-in"], listening, log, None, port)

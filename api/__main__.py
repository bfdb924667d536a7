"""`python -m api`: the start script of `make run` and of the Docker image.

`python -m api worker` runs a background worker instead (see api/worker.py), and
`python -m api mail-in` the receiving of mail (see api/mail_in.py).

Uses DATABASE_URL when set, otherwise the embedded PostgreSQL in FRONTDOOR_DATA_DIR; applies the
migrations, loads the demo data once when enabled, then serves with uvicorn until Ctrl-C.
"""

import asyncio
import logging
import os
import signal
import subprocess
import sys
from pathlib import Path

import uvicorn
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.db.embedded import EmbeddedPostgres
from adapters.db.engine import make_engine
from adapters.db.migrate import upgrade
from adapters.demo.loader import demo_data_present, load_demo_data
from api.observability import configure_logging
from api.settings import Environment, Settings

log = logging.getLogger("frontdoor")


async def _prepare_data(settings: Settings) -> None:
    assert settings.database_url
    engine = make_engine(settings.database_url, pool_size=1, max_overflow=0)
    try:
        if settings.load_demo_data:
            await load_demo_data(engine)
        elif await _demo_forbidden_here(settings, engine):
            raise SystemExit(
                "refusing to start: this production database holds the demo data and its "
                "demo accounts (set FRONTDOOR_ALLOW_DEMO_IN_PRODUCTION=true to override)"
            )
    finally:
        await engine.dispose()


async def _demo_forbidden_here(settings: Settings, engine: AsyncEngine) -> bool:
    if settings.env is not Environment.PRODUCTION or settings.allow_demo_in_production:
        return False
    return await demo_data_present(engine)


def _start_worker(settings: Settings) -> subprocess.Popen[bytes] | None:
    """The worker runs in its own process, as it would on another machine: webhook I/O and
    the scan never compete with requests for uvicorn's event loop, and a crash of one does
    not take down the other. Deployments that run dedicated workers set RUN_WORKER=false."""
    if not settings.run_worker:
        return None
    return subprocess.Popen([sys.executable, "-m", "api", "worker"])


def _start_mail_in(settings: Settings) -> subprocess.Popen[bytes] | None:
    """Receiving mail (the SMTP listener, the IMAP poller) runs beside the worker, in one
    process of its own: only one process can hold the listener's port."""
    if not settings.run_worker or not settings.receives_mail:
        return None
    return subprocess.Popen([sys.executable, "-m", "api", "mail-in"])


def _stop_child(worker: subprocess.Popen[bytes] | None) -> None:
    if worker is None:
        return
    worker.terminate()
    try:
        worker.wait(timeout=15)
    except subprocess.TimeoutExpired:
        worker.kill()


def _exit_cleanly_on_sigterm() -> None:
    """uvicorn shuts down on SIGTERM, then re-raises the signal to the handler it found; with
    the default handler that kills the process before our `finally` stops the worker and the
    embedded PostgreSQL, leaving them orphaned (a container stop, `kill`, a test's terminate)."""

    def leave(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, leave)


def worker_main() -> int:
    from api import worker

    settings = Settings()
    configure_logging(settings.log_level)
    if not settings.database_url:
        log.error("set DATABASE_URL for the worker (`make run` starts its own worker)")
        return 2
    return worker.main(settings)


def mail_in_main() -> int:
    from api import mail_in

    settings = Settings()
    configure_logging(settings.log_level)
    if not settings.database_url:
        log.error("set DATABASE_URL for receiving mail (`make run` starts it itself)")
        return 2
    return mail_in.main(settings)


def main() -> int:
    if sys.argv[1:2] == ["worker"]:
        return worker_main()
    if sys.argv[1:2] == ["mail-in"]:
        return mail_in_main()
    settings = Settings()
    configure_logging(settings.log_level)
    if reasons := settings.refusals():
        for reason in reasons:
            log.error("refusing to start: %s", reason)
        return 2
    embedded = worker = mail_in = None
    _exit_cleanly_on_sigterm()
    if not settings.database_url:
        embedded = EmbeddedPostgres(Path(settings.data_dir))
        settings.database_url = embedded.start()
        os.environ["DATABASE_URL"] = settings.database_url  # for api.main and its workers
    try:
        upgrade(settings.database_url)
        asyncio.run(_prepare_data(settings))
        worker = _start_worker(settings)
        mail_in = _start_mail_in(settings)
        log.info("serving", extra={"fields": {"url": f"http://{settings.host}:{settings.port}"}})
        uvicorn.run(
            "api.main:app",
            host=settings.host,
            port=settings.port,
            workers=settings.workers,
            log_config=None,
            access_log=False,
            proxy_headers=True,
            env_file=None,
        )
    finally:
        _stop_child(mail_in)
        _stop_child(worker)
        if embedded is not None:
            embedded.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())

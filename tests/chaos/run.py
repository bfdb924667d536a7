"""The fault test, start to end: a private cluster, the product as subprocesses, the clients
and the nemesis together, then healing, draining and checking. `make chaos` runs the full
form (python -m tests.chaos); tests/chaos/test_chaos.py the short one."""

import asyncio
import shutil
import tempfile
import time
import uuid
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import httpx

from adapters.db.engine import make_engine
from adapters.db.migrate import upgrade
from adapters.demo.loader import DEMO_PASSWORD, load_demo_data
from api.settings import Settings
from bench.server import free_port
from tests.chaos.checker import Verdict, check, drained, queue_state, read_stored
from tests.chaos.clients import Clients, History
from tests.chaos.faults import Nemesis, Profile
from tests.chaos.mailer import Mailer
from tests.chaos.processes import (
    Process,
    api_process,
    mail_in_process,
    product_environment,
    worker_process,
)
from tests.chaos.receiver import Receiver
from tests.database import create_database
from tests.private_postgres import PrivatePostgres, private_postgres

EVENTS = ["request.created", "request.updated", "request.closed"]


@dataclass
class Product:
    database: PrivatePostgres
    url: str
    apis: list[Process]
    workers: list[Process]
    mail_in: Process
    receiver: Receiver
    mail_dir: Path


async def _seed(url: str) -> None:
    engine = make_engine(url, pool_size=1, max_overflow=0)
    try:
        await load_demo_data(engine)
    finally:
        await engine.dispose()


async def _token(base: str, user: str) -> str:
    async with httpx.AsyncClient(base_url=base) as client:
        answer = await client.post(
            "/api/v1/auth/token", data={"username": user, "password": DEMO_PASSWORD}
        )
        answer.raise_for_status()
        return str(answer.json()["access_token"])


async def _subscribe(base: str, receiver: Receiver) -> str:
    token = await _token(base, "admin@example.org")
    async with httpx.AsyncClient(base_url=base) as client:
        answer = await client.post(
            "/api/v1/webhooks",
            json={"url": receiver.url, "event_types": EVENTS, "description": "chaos receiver"},
            headers={"Authorization": f"Bearer {token}"},
        )
        answer.raise_for_status()
        receiver.secret = answer.json()["secret"]
        return str(answer.json()["id"])


async def _wait_drained(product: Product, run: str, subscription: str, seconds: float) -> float:
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if await drained(product.url, run, subscription, product.receiver):
            break
        await asyncio.sleep(1)
    return time.monotonic() - started


async def _session(
    product: Product, profile: Profile, run: str
) -> tuple[Verdict, dict[str, object]]:
    base = product.apis[0].base
    subscription = await _subscribe(base, product.receiver)
    history = History(run)
    clients = Clients(
        [api.base for api in product.apis], await _token(base, "supervisor@example.org"), history
    )
    nemesis = Nemesis(
        profile,
        product.database,
        product.apis,
        product.workers,
        product.receiver,
        [product.mail_in],
    )
    stop_supervising = asyncio.Event()
    supervisor = asyncio.create_task(nemesis.supervise(stop_supervising))
    started = time.monotonic()
    load = [asyncio.create_task(clients.creator()) for _ in range(profile.creators)]
    load += [asyncio.create_task(clients.updater()) for _ in range(profile.updaters)]
    load.append(asyncio.create_task(clients.texter()))
    assert product.mail_in.smtp_port is not None
    load.append(asyncio.create_task(Mailer(product.mail_in.smtp_port, history, clients.stop).run()))
    await nemesis.run(started)  # every fault is healed when it returns
    await asyncio.sleep(max(0.0, started + profile.load_seconds - time.monotonic()))
    clients.stop.set()
    await asyncio.gather(*load)
    load_seconds = time.monotonic() - started
    drain_seconds = await _wait_drained(product, run, subscription, profile.drain_seconds)
    stop_supervising.set()
    await supervisor
    stored = await read_stored(product.url, run, subscription)
    verdict = check(history, stored, product.receiver, product.mail_dir, Settings().mail_from)
    if verdict.problems:
        verdict.counts["queue"] = await queue_state(product.url)
    for process in [*product.apis, *product.workers, product.mail_in]:
        verdict.expect(
            not process.unexpected_exits,
            f"{process.name} exited by itself: {process.unexpected_exits}",
        )
    extra: dict[str, object] = {
        "unavailable_503": history.unavailable_503,
        "other_5xx": len(history.other_5xx),
        "faults": dict(nemesis.injected),
        "fault_windows": [(f, round(a, 1), round(b, 1)) for f, a, b in nemesis.windows],
        "unexpected_exits": {
            p.name: p.unexpected_exits
            for p in [*product.apis, *product.workers, product.mail_in]
            if p.unexpected_exits
        },
        "load_seconds": round(load_seconds, 1),
        "drain_seconds": round(drain_seconds, 1),
    }
    return verdict, extra


def _start_product(stack: ExitStack, scratch: Path, log: IO[bytes]) -> Product:
    database = stack.enter_context(private_postgres())
    url = create_database(database.url, "frontdoor")
    upgrade(url)
    asyncio.run(_seed(url))
    mail_dir = scratch / "mail"
    env = product_environment(url, mail_dir, scratch / "media")
    apis = [api_process(i, env, log) for i in (1, 2)]
    workers = [worker_process(i, env, log) for i in (1, 2)]
    mail_in = mail_in_process(env, log)
    receiver = Receiver(free_port())
    receiver.start()
    stack.callback(receiver.stop)
    for process in [*apis, *workers, mail_in]:
        stack.callback(process.stop)
        process.start()
    for ready in [*apis, mail_in]:
        ready.wait_ready()
    return Product(database, url, apis, workers, mail_in, receiver, mail_dir)


def run(profile: Profile) -> Verdict:
    """Runs the test and prints its counts; the verdict's problems are empty when it passed."""
    run_id = uuid.uuid4().hex[:8]
    began = time.monotonic()
    with ExitStack() as stack:
        scratch = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="frontdoor-chaos-")))
        log = stack.enter_context((scratch / "product.log").open("w+b"))
        product = _start_product(stack, scratch, log)
        verdict, extra = asyncio.run(_session(product, profile, run_id))
        verdict.counts.update(extra, total_seconds=round(time.monotonic() - began, 1))
        report(profile, verdict)
        if verdict.problems:
            kept = Path(tempfile.gettempdir()) / f"frontdoor-chaos-{run_id}.log"
            log.flush()
            shutil.copy(scratch / "product.log", kept)
            print(f"  the processes' log: {kept}")
    return verdict


def report_text(profile: Profile, verdict: Verdict) -> str:
    lines = [f"chaos ({profile.name} form): {'PASS' if not verdict.problems else 'FAIL'}"]
    lines += [f"  {name:18} {value}" for name, value in verdict.counts.items()]
    lines += [f"  PROBLEM: {problem}" for problem in verdict.problems[:50]]
    return "\n".join(lines)


def report(profile: Profile, verdict: Verdict) -> None:
    print("\n" + report_text(profile, verdict))

"""The nemesis: faults injected one after another while the clients run, each healed before
the next. A supervisor restarts a process that died on its own, as systemd or Kubernetes
would, and counts it."""

import asyncio
import time
from collections import Counter
from dataclasses import dataclass, field

from tests.chaos.processes import Process
from tests.chaos.receiver import Receiver
from tests.private_postgres import PrivatePostgres


@dataclass
class Profile:
    name: str
    load_seconds: float
    creators: int
    updaters: int
    database_down_seconds: float
    receiver_down_seconds: float
    drain_seconds: float
    # (fraction of the load, fault): the nemesis's schedule
    schedule: tuple[tuple[float, str], ...] = (
        (0.10, "postgres-fast"),
        (0.25, "kill-api"),
        (0.40, "kill-worker"),
        (0.50, "receiver-down"),
        (0.70, "postgres-immediate"),
    )


FULL = Profile(
    "full",
    load_seconds=200,
    creators=4,
    updaters=2,
    database_down_seconds=6,
    receiver_down_seconds=120,
    drain_seconds=240,
    schedule=(
        (0.05, "postgres-fast"),
        (0.15, "kill-api"),
        (0.25, "kill-worker"),
        (0.30, "receiver-down"),
        (0.50, "postgres-immediate"),
        (0.65, "kill-api"),
        (0.75, "postgres-fast"),
        (0.85, "kill-worker"),
    ),
)
SHORT = Profile(
    "short",
    load_seconds=45,
    creators=3,
    updaters=1,
    database_down_seconds=3,
    receiver_down_seconds=8,
    drain_seconds=120,
)


@dataclass
class Nemesis:
    profile: Profile
    database: PrivatePostgres
    apis: list[Process]
    workers: list[Process]
    receiver: Receiver
    others: list[Process] = field(default_factory=list)  # supervised, never killed on purpose
    injected: Counter[str] = field(default_factory=Counter)
    windows: list[tuple[str, float, float]] = field(default_factory=list)  # fault, start, end
    _expected_down: set[str] = field(default_factory=set)
    _healing: list[asyncio.Task[None]] = field(default_factory=list)

    async def run(self, started: float) -> None:
        """Every fault in turn; the receiver stays down in the background meanwhile, so the
        worker meets the other faults with deliveries owed."""
        for fraction, fault in self.profile.schedule:
            await asyncio.sleep(
                max(0.0, started + fraction * self.profile.load_seconds - time.monotonic())
            )
            begin = time.monotonic()
            await getattr(self, fault.replace("-", "_"))()
            self.windows.append((fault, begin - started, time.monotonic() - started))
            self.injected[fault] += 1
        await asyncio.gather(*self._healing)

    async def postgres_fast(self) -> None:
        await self._restart_database("fast")

    async def postgres_immediate(self) -> None:
        await self._restart_database("immediate")

    async def _restart_database(self, mode: str) -> None:
        await asyncio.to_thread(self.database.stop, mode)
        await asyncio.sleep(self.profile.database_down_seconds)
        await asyncio.to_thread(self.database.start)

    async def kill_api(self) -> None:
        await self._kill_and_restart(self.apis[self.injected["kill-api"] % len(self.apis)])

    async def kill_worker(self) -> None:
        await self._kill_and_restart(self.workers[self.injected["kill-worker"] % len(self.workers)])

    async def _kill_and_restart(self, process: Process) -> None:
        self._expected_down.add(process.name)
        try:
            await asyncio.to_thread(process.kill)
            await asyncio.sleep(2)
            process.start()
            await asyncio.to_thread(process.wait_ready)
        finally:
            self._expected_down.discard(process.name)

    async def receiver_down(self) -> None:
        await asyncio.to_thread(self.receiver.stop)
        self._healing.append(asyncio.create_task(self._receiver_back()))

    async def _receiver_back(self) -> None:
        await asyncio.sleep(self.profile.receiver_down_seconds)
        self.receiver.start()

    async def supervise(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            for process in [*self.apis, *self.workers, *self.others]:
                if process.name in self._expected_down or process.alive():
                    continue
                assert process.popen is not None
                process.unexpected_exits.append(process.popen.returncode)
                process.start()
            await asyncio.sleep(0.5)

"""A bounded closed-loop load generator: N requests over C concurrent workers."""

import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import httpx

Call = Callable[[httpx.AsyncClient, int], Awaitable[httpx.Response]]


@dataclass(frozen=True)
class Result:
    name: str
    count: int
    seconds: float
    latencies: list[float]
    failures: int

    @property
    def rate(self) -> float:
        return self.count / self.seconds

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

    @property
    def median_ms(self) -> float:
        return statistics.median(self.latencies) * 1000


async def run(
    client: httpx.AsyncClient, name: str, call: Call, count: int, concurrency: int, ok: int
) -> Result:
    latencies: list[float] = []
    failures = 0
    counter = iter(range(count))

    async def worker() -> None:
        nonlocal failures
        for i in counter:
            started = time.perf_counter()
            answer = await call(client, i)
            latencies.append(time.perf_counter() - started)
            failures += answer.status_code != ok

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return Result(name, count, time.perf_counter() - started, latencies, failures)

"""`python -m bench.profile`: where the create and the get paths spend their time.

The product's ASGI app runs in this process on a seeded database (BENCH_SCALE, default
small), 16 concurrent in-process clients send the bench's own creates and gets, and
pyinstrument samples the event loop's thread. With 16 requests in flight the loop is never
idle for long, so the samples share out CPU time; time spent waiting on PostgreSQL shows as
the event loop's select. The in-process client (httpx) stands in for uvicorn's HTTP parsing.

Writes docs/profiles/create.txt and get.txt (pyinstrument's tree) and prints, per path,
the share of samples by library and the project's functions by inclusive time.
"""

import asyncio
import os
import random
import sys
from collections import defaultdict
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx
from pyinstrument import Profiler
from pyinstrument.frame import Frame

from bench.dataset import CROWDED_POINT, database, plain, scattered_points, seed
from bench.hot_paths import AGENT, body_template, sample_paths
from bench.scale import SCALES
from bench.server import postgres

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "profiles"
CONCURRENCY = 16
CATEGORIES = (  # first match wins, on the frame's file path
    ("asyncpg", "asyncpg"),
    ("sqlalchemy", "sqlalchemy"),
    ("pydantic", "pydantic"),
    ("fastapi", "fastapi/starlette"),
    ("starlette", "fastapi/starlette"),
    ("jose", "token (jose)"),
    ("cryptography", "token (jose)"),
    ("shapely", "shapely"),
    ("pgqueuer", "pgqueuer"),
    ("httpx", "in-process client (not the server)"),
    ("h11", "in-process client (not the server)"),
    ("anyio", "fastapi/starlette"),
    (str(ROOT / "domain"), "frontdoor domain/"),
    (str(ROOT / "adapters"), "frontdoor adapters/"),
    (str(ROOT / "api"), "frontdoor api/"),
    ("asyncio", "event loop (incl. waiting on PostgreSQL)"),
    ("selectors", "event loop (incl. waiting on PostgreSQL)"),
    ("uuid", "stdlib"),
    ("json", "stdlib"),
    ("/python3.11/", "stdlib"),
)


def category(path: str) -> str:
    for needle, name in CATEGORIES:
        if needle in path:
            return name
    return "other"


IDLE = "waiting (event loop idle: PostgreSQL answering, CPU taken by others)"
WAITS = {"select", "poll", "epoll", "control"}  # selectors' built-ins that block


def shares(root: Frame) -> dict[str, float]:
    """Self time by library; a built-in call counts for the library that made it."""
    by: dict[str, float] = defaultdict(float)
    stack: list[tuple[Frame, str]] = [(root, "other")]
    while stack:
        frame, parent = stack.pop()
        path = frame.file_path or ""
        if frame.function in WAITS and path.startswith("<"):
            mine = IDLE
        elif path.startswith("<") or not path:
            mine = parent
        else:
            mine = category(path)
        stack.extend((child, mine) for child in frame.children)
        by[mine] += frame.total_self_time
    total = sum(by.values()) or 1.0
    return {k: v / total for k, v in sorted(by.items(), key=lambda kv: -kv[1])}


def project_functions(root: Frame, top: int = 25) -> list[tuple[str, float]]:
    """Inclusive share of the project's functions, counted once per call path."""
    total = root.time or 1.0
    by: dict[str, float] = defaultdict(float)

    def walk(frame: Frame, seen: frozenset[str]) -> None:
        name = None
        path = frame.file_path or ""
        if path.startswith(str(ROOT)) and "/.venv/" not in path:
            name = f"{frame.function} ({Path(path).relative_to(ROOT)})"
            if name not in seen:
                by[name] += frame.time
        inner = seen | {name} if name else seen
        for child in frame.children:
            walk(child, inner)

    walk(root, frozenset())
    return sorted(((k, v / total) for k, v in by.items()), key=lambda kv: -kv[1])[:top]


async def _drive(call: Callable[[int], Awaitable[httpx.Response]], count: int) -> None:
    numbers = iter(range(count))

    async def one() -> None:
        for n in numbers:
            answer = await call(n)
            if answer.status_code >= 400:
                raise RuntimeError(f"{answer.status_code}: {answer.text[:300]}")

    await asyncio.gather(*(one() for _ in range(CONCURRENCY)))


async def profile(url: str, scale_name: str, creates: int, gets: int) -> dict[str, Profiler]:
    os.environ.update({"DATABASE_URL": url, "FRONTDOOR_LOG_LEVEL": "WARNING"})
    from api.app import create_app
    from api.bootstrap import build_container
    from api.settings import Settings

    settings = Settings()
    container = build_container(settings)
    app = create_app(settings, container)
    app.state.container = container
    points = scattered_points(2000)
    template = body_template()
    paths = sample_paths(SCALES[scale_name])
    rng = random.Random(3)  # noqa: S311 - reproducible benchmark points, not secrets
    transport = httpx.ASGITransport(app=app)
    profiles = {}
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            token = (await client.post("/api/v1/auth/token", data=AGENT)).json()["access_token"]
            client.headers["Authorization"] = f"Bearer {token}"

            def create(n: int) -> Awaitable[httpx.Response]:
                lat, long = rng.choice(points)
                return client.post(
                    "/api/v1/requests",
                    content=template % (lat, long, n, n),
                    headers={"Content-Type": "application/json", "Idempotency-Key": f"p-{n}"},
                )

            def crowded(n: int) -> Awaitable[httpx.Response]:
                lat, long = CROWDED_POINT
                return client.post(
                    "/api/v1/requests",
                    content=template % (lat, long, n, n),
                    headers={"Content-Type": "application/json", "Idempotency-Key": f"c-{n}"},
                )

            def get(n: int) -> Awaitable[httpx.Response]:
                return client.get(paths[n % len(paths)])

            await _drive(lambda n: create(10_000_000 + n), 32)  # warm-up
            await _drive(get, 64)
            for name, call, count in (
                ("create", create, creates),
                ("create_crowded", crowded, creates),
                ("get", get, gets),
            ):
                profiler = Profiler(interval=0.0005, async_mode="disabled")
                profiler.start()
                await _drive(call, count)
                profiler.stop()
                profiles[name] = profiler
    finally:
        await container.close()
    return profiles


def report(name: str, profiler: Profiler) -> str:
    session = profiler.last_session
    assert session is not None
    root = session.root_frame()
    assert root is not None
    lines = [f"## {name}: {session.duration:.2f} s of samples"]
    lines += [f"  {share:6.1%}  {what}" for what, share in shares(root).items()]
    lines.append("  project functions, inclusive:")
    lines += [f"  {share:6.1%}  {what}" for what, share in project_functions(root)]
    return "\n".join(lines)


def main() -> int:
    scale_name = os.environ.get("BENCH_SCALE", "small")
    creates, gets = (200, 1000) if scale_name != "tiny" else (50, 200)
    with postgres() as server, database(server, "profile") as url:
        seed(url, SCALES[scale_name])
        profiles = asyncio.run(profile(plain(url), scale_name, creates, gets))
    OUT.mkdir(parents=True, exist_ok=True)
    summary = []
    for name, profiler in profiles.items():
        text = profiler.output_text(unicode=False, color=False, show_all=False)
        (OUT / f"{name}.txt").write_text(text)
        summary.append(report(name, profiler))
    (OUT / "summary.txt").write_text("\n\n".join(summary) + "\n")
    print("\n\n".join(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())

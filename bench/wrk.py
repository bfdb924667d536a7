"""Load with Debian's wrk: a Lua script per scenario, the figures read from wrk's own summary.

wrk (C, epoll, one event loop per thread) is the generator the issue asks for: the Python
client it replaces topped out at 400-500 requests/s, below the server. Each run prints wrk's
ceiling on this machine against a static route, so nobody has to take it on trust.

POST bodies come from a Lua `request()`: a fresh Idempotency-Key each time, a point picked
from a list inside the city, the agent's bearer token. Latency at a fixed rate: wrk has no
open-loop mode (that is wrk2), so `delay()` paces each connection; see `paced`.
"""

import json
import secrets
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

THREADS = 2
CONNECTIONS = 16

DONE = r"""
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests": %d, "duration_us": %d, "connect": %d, "read": %d, "write": %d, '
    .. '"status": %d, "timeout": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d, "mean_us": %f}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.mean))
end
"""

THREAD_IDS = """
local next_id = 1
function setup(thread)
  thread:set("thread_id", next_id)
  next_id = next_id + 1
end
"""


@dataclass(frozen=True)
class Run:
    name: str
    requests: int
    seconds: float
    errors: int
    p50_ms: float
    p90_ms: float
    p99_ms: float

    @property
    def rps(self) -> float:
        return self.requests / self.seconds

    def line(self) -> str:
        return (
            f"{self.name:34} {self.rps:9.1f} rps  p50 {self.p50_ms:7.2f} ms  "
            f"p99 {self.p99_ms:7.2f} ms  errors {self.errors}"
        )


def _lua_string(text: str) -> str:
    return json.dumps(text)  # a JSON string literal is a valid Lua string literal here


def _pacing(delay_ms: float | None) -> str:
    if delay_ms is None:
        return ""
    return f"function delay() return {max(0, round(delay_ms))} end\n"


def post_script(
    path: str,
    body_template: str,
    points: Sequence[tuple[float, float]],
    headers: dict[str, str],
    delay_ms: float | None = None,
) -> str:
    """body_template has %.6f, %.6f (lat, long), then %d twice (a per-request number)."""
    run = secrets.token_hex(4)
    table = ",".join(f"{{{lat},{long}}}" for lat, long in points)
    header_lines = "".join(
        f"  h[{_lua_string(k)}] = {_lua_string(v)}\n" for k, v in headers.items()
    )
    return (
        THREAD_IDS
        + f"local points = {{{table}}}\n"
        + f"local template = {_lua_string(body_template)}\n"
        + "local counter = 0\n"
        + "function init(args) math.randomseed(thread_id * 7919) end\n"
        + "function request()\n"
        + "  counter = counter + 1\n"
        + "  local p = points[math.random(#points)]\n"
        + "  local h = {}\n"
        + header_lines
        + '  h["Content-Type"] = "application/json"\n'
        + f'  h["Idempotency-Key"] = "bench-{run}-" .. thread_id .. "-" .. counter\n'
        + f"  local n = {secrets.randbelow(10**6)} * 1000000000 + thread_id * 100000000 + counter\n"
        + "  local body = string.format(template, p[1], p[2], n, n)\n"
        + f"  return wrk.format('POST', {_lua_string(path)}, h, body)\n"
        + "end\n"
        + _pacing(delay_ms)
        + DONE
    )


def get_script(
    paths: Sequence[str],
    headers: dict[str, str],
    per_path_headers: Sequence[dict[str, str]] | None = None,
    delay_ms: float | None = None,
) -> str:
    """GETs spread over `paths` (with, for conditional GETs, each path's own headers)."""
    table = ",".join(_lua_string(p) for p in paths)
    extra = per_path_headers or [{} for _ in paths]
    extra_table = ",".join(
        "{" + ",".join(f"[{_lua_string(k)}]={_lua_string(v)}" for k, v in h.items()) + "}"
        for h in extra
    )
    header_lines = "".join(
        f"  h[{_lua_string(k)}] = {_lua_string(v)}\n" for k, v in headers.items()
    )
    return (
        THREAD_IDS
        + f"local paths = {{{table}}}\n"
        + f"local extra = {{{extra_table}}}\n"
        + "function init(args) math.randomseed(thread_id * 104729) end\n"
        + "function request()\n"
        + "  local i = math.random(#paths)\n"
        + "  local h = {}\n"
        + header_lines
        + "  for k, v in pairs(extra[i]) do h[k] = v end\n"
        + "  return wrk.format('GET', paths[i], h)\n"
        + "end\n"
        + _pacing(delay_ms)
        + DONE
    )


def static_script() -> str:
    return THREAD_IDS + DONE


def run(
    name: str,
    base: str,
    script: str,
    seconds: int,
    connections: int = CONNECTIONS,
    threads: int = THREADS,
    path: str = "/",
) -> Run:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    try:
        command = [
            "wrk",
            f"-t{min(threads, connections)}",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            handle.name,
            base + path,
        ]
        out = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603
    finally:
        Path(handle.name).unlink()
    return _parse(name, out.stdout)


def _parse(name: str, stdout: str) -> Run:
    line = next((x for x in stdout.splitlines() if x.startswith("WRKJSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk printed no summary for {name}:\n{stdout}")
    figures = json.loads(line.removeprefix("WRKJSON "))
    errors = sum(figures[k] for k in ("connect", "read", "write", "status", "timeout"))
    return Run(
        name=name,
        requests=figures["requests"],
        seconds=figures["duration_us"] / 1e6,
        errors=errors,
        p50_ms=figures["p50_us"] / 1000,
        p90_ms=figures["p90_us"] / 1000,
        p99_ms=figures["p99_us"] / 1000,
    )

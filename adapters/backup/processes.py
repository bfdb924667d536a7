"""Running pg_dump and pg_restore without blocking the event loop, reading their progress."""

import asyncio
import os
from collections import deque
from collections.abc import Callable

Progress = Callable[[int, int, int], None]  # (items, units done, units in all): ProgressBar.update
ERROR_LINES = 12


class ToolFailed(RuntimeError):
    """pg_dump or pg_restore exited with an error; the message ends with its last words."""


async def run_tool(argv: list[str], env: dict[str, str], on_line: Callable[[str], None]) -> None:
    """Runs `argv`, passing each line it writes on stderr (its --verbose log) to `on_line`."""
    process = await asyncio.create_subprocess_exec(
        *argv,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
        env={**os.environ, **env},
    )
    assert process.stderr is not None
    last: deque[str] = deque(maxlen=ERROR_LINES)
    error: list[str] = []  # the first error and the lines after it (DETAIL, HINT, the query)
    async for raw in process.stderr:
        line = raw.decode(errors="replace").rstrip()
        last.append(line)
        if (error or " error: " in line) and len(error) < ERROR_LINES:
            error.append(line)
        on_line(line)
    code = await process.wait()
    if code != 0:
        tool = os.path.basename(argv[0])
        raise ToolFailed(f"{tool} failed (exit status {code}):\n" + "\n".join(error or last))


async def output_of(argv: list[str], env: dict[str, str]) -> str:
    process = await asyncio.create_subprocess_exec(
        *argv,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env={**os.environ, **env},
    )
    out, err = await process.communicate()
    if process.returncode != 0:
        tool = os.path.basename(argv[0])
        raise ToolFailed(f"{tool} failed (exit status {process.returncode}):\n{err.decode()}")
    return out.decode(errors="replace")

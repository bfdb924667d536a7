"""Call records from the phone system: the import, and the service level they give."""

import asyncio
import os
import sys
from pathlib import Path

import httpx

IMPORT = "/api/v1/call-records"
SUMMARY = "/api/v1/metrics/summary"
CALLS = "/api/v1/metrics/calls"
DAY = {"from": "2026-11-16", "to": "2026-11-17"}
CSV = {"Content-Type": "text/csv"}
REPO = Path(__file__).resolve().parents[3]

# Answers after 24, 25 and 26 s; three abandoned calls; two queues; two bad rows.
CALL_CSV = """call_id,queue,offered_at,answered_at,abandoned_at,ended_at,agent
c1,general,2026-11-16T09:00:00-05:00,2026-11-16T09:00:24-05:00,,2026-11-16T09:05:24-05:00,ann
c2,general,2026-11-16T09:10:00-05:00,2026-11-16T09:10:25-05:00,,2026-11-16T09:12:00-05:00,ann
c3,spanish,2026-11-16T14:00:00Z,2026-11-16T14:00:26Z,,2026-11-16T14:03:00Z,beto
c4,general,2026-11-16T09:20:00-05:00,,2026-11-16T09:21:00-05:00,,
c5,spanish,2026-11-16T14:30:00-05:00,,2026-11-16T14:30:40-05:00,,
c6,spanish,2026-11-16T14:40:00-05:00,,2026-11-16T14:40:10-05:00,,
c7,general,2026-11-16T09:30:00-05:00,2026-11-16T09:30:05-05:00,2026-11-16T09:30:06-05:00,,ann
c8,general,yesterday,2026-11-16T09:30:05-05:00,,,ann
"""


async def import_calls(
    client: httpx.AsyncClient, who: dict[str, str], text: str = CALL_CSV
) -> httpx.Response:
    return await client.post(IMPORT, content=text.encode(), headers={**who, **CSV})


async def series(
    client: httpx.AsyncClient, who: dict[str, str], **params: str
) -> dict[str, list[float | None]]:
    answer = await client.get(CALLS, params={**DAY, "interval": "total", **params}, headers=who)
    assert answer.status_code == 200, answer.text
    return {line["key"]: line["values"] for line in answer.json()["series"]}


async def test_an_import_keeps_good_rows_reports_bad_ones_and_runs_once(
    client: httpx.AsyncClient, supervisor: dict[str, str]
) -> None:
    first = await import_calls(client, supervisor)
    assert first.status_code == 200, first.text
    assert first.json() == {
        "received": 8,
        "inserted": 6,
        "unchanged": 0,
        "rejected": 2,
        "errors": [
            {"line": 8, "reason": "a call has exactly one of answered_at and abandoned_at"},
            {"line": 9, "reason": "offered_at is not an RFC 3339 date-time"},
        ],
    }
    again = (await import_calls(client, supervisor)).json()
    assert (again["inserted"], again["unchanged"], again["rejected"]) == (0, 6, 2)


async def test_the_service_level_of_the_hand_made_calls(
    client: httpx.AsyncClient, supervisor: dict[str, str]
) -> None:
    await import_calls(client, supervisor)

    calls = (await client.get(SUMMARY, params=DAY, headers=supervisor)).json()["calls"]

    assert calls["offered"] == 6 and calls["answered"] == 3 and calls["abandoned"] == 3
    assert calls["threshold_seconds"] == 25
    assert calls["answered_within_threshold_rate"] == 2 / 3  # 24 s and 25 s, not 26 s
    assert calls["abandonment_rate"] == 0.5
    assert calls["average_speed_of_answer_s"] == 25.0


async def test_per_queue_and_hour_of_day(
    client: httpx.AsyncClient, supervisor: dict[str, str]
) -> None:
    await import_calls(client, supervisor)
    level = "answered_within_threshold_rate"

    by_queue = await series(client, supervisor, group_by="queue", measure=level)
    abandonment = await series(client, supervisor, group_by="queue", measure="abandonment_rate")
    offered = await series(client, supervisor, group_by="queue", measure="offered")
    by_hour = await series(client, supervisor, group_by="hour_of_day", measure="offered")
    speed = await series(client, supervisor, group_by="queue", measure="average_speed_of_answer_s")

    assert by_queue == {"general": [1.0], "spanish": [0.0]}
    assert abandonment == {"general": [1 / 3], "spanish": [2 / 3]}
    assert offered == {"general": [3], "spanish": [3]}
    assert speed == {"general": [24.5], "spanish": [26.0]}
    assert list(by_hour) == [str(hour) for hour in range(24)]  # c3 came at 14:00Z, 09:00 here
    assert {hour: v for hour, v in by_hour.items() if v != [0]} == {"9": [4], "14": [2]}


async def test_handle_time_and_resolution_per_agent_through_the_call_id(
    client: httpx.AsyncClient, supervisor: dict[str, str], agent: dict[str, str]
) -> None:
    await import_calls(client, supervisor)
    for call_id, resolved in (("c1", True), ("c2", False)):
        body = {
            "channel": "phone",
            "type": "information",
            "call_id": call_id,
            "resolved_on_first_contact": resolved,
            "started_at": "2026-11-16T09:00:24-05:00",
            "ended_at": "2026-11-16T09:05:24-05:00",
        }
        assert (await client.post("/api/v1/cases", json=body, headers=agent)).status_code == 201

    fcr = await series(client, supervisor, group_by="agent", measure="fcr_rate")
    handle = await series(client, supervisor, group_by="agent", measure="average_handle_seconds")

    assert fcr == {"ann": [0.5], "none": [None], "beto": [None]}
    assert handle["ann"] == [300.0]


async def test_who_may_import_and_read_calls(
    client: httpx.AsyncClient,
    agent: dict[str, str],
    manager: dict[str, str],
    admin: dict[str, str],
) -> None:
    assert (await import_calls(client, agent)).status_code == 403
    assert (await import_calls(client, manager)).status_code == 403
    assert (await import_calls(client, admin)).status_code == 200
    assert (await client.get(CALLS, headers=manager)).status_code == 403
    assert (await client.get(CALLS, headers=admin)).status_code == 200


async def test_bad_files_are_refused(client: httpx.AsyncClient, supervisor: dict[str, str]) -> None:
    no_header = await import_calls(client, supervisor, "call_id,queue\nc1,general\n")
    assert no_header.status_code == 422
    assert "offered_at" in no_header.json()["detail"]
    as_json = await client.post(IMPORT, json={"calls": []}, headers=supervisor)
    assert as_json.status_code == 415
    huge = b"x" * (20 * 1024 * 1024 + 1)
    too_large = await client.post(IMPORT, content=huge, headers={**supervisor, **CSV})
    assert too_large.status_code == 413


async def test_the_console_command_imports_a_file(
    client: httpx.AsyncClient, supervisor: dict[str, str], database_url: str, tmp_path: Path
) -> None:
    calls = tmp_path / "calls.csv"
    calls.write_text(CALL_CSV)
    env = {**os.environ, "DATABASE_URL": database_url}
    command = [sys.executable, "-m", "api.cli", "import-calls", str(calls)]

    async def run() -> tuple[int, str, str]:
        process = await asyncio.create_subprocess_exec(
            *command,
            env=env,
            cwd=REPO,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        out, err = await process.communicate()
        return process.returncode or 0, out.decode(), err.decode()

    status, out, err = await run()
    assert status == 0, err
    assert "8 rows: 6 calls added, 0 already there, 2 bad" in out
    assert "line 8: a call has exactly one of answered_at and abandoned_at" in err
    status, out, _ = await run()
    assert "0 calls added, 6 already there" in out
    summary = (await client.get(SUMMARY, params=DAY, headers=supervisor)).json()
    assert summary["calls"]["offered"] == 6

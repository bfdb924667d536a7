"""The one assertion for an RFC 9457 problem+json answer."""

from typing import Any

import httpx

PROBLEM_JSON = "application/problem+json"


def problem(answer: httpx.Response, status: int) -> dict[str, Any]:
    """Asserts `answer` is a problem+json with `status` that says what went wrong; its body."""
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == PROBLEM_JSON
    body: dict[str, Any] = answer.json()
    assert {"type", "title", "status", "detail"} <= body.keys(), body
    assert body["status"] == status
    assert isinstance(body["detail"], str)
    assert body["detail"]
    return body

"""Schemathesis hooks for the fuzz run (loaded through SCHEMATHESIS_HOOKS).

Schemathesis sends the same few Idempotency-Key values to one operation with different
bodies; the API rightly refuses a reused key (422), as it should for a real client that reused
one. Each well-formed key is made unique, as a client's keys are, so the run reaches the
operation behind the middleware; malformed keys are left as generated, to test the 400.
"""

import itertools
import re
from typing import Any

import schemathesis

from api.idempotency import KEY_PATTERN

WELL_FORMED = re.compile(KEY_PATTERN)
_numbers = itertools.count(1)


@schemathesis.hook
def before_call(context: Any, case: Any, kwargs: dict[str, Any]) -> None:
    headers = case.headers or {}
    key = headers.get("Idempotency-Key")
    if isinstance(key, str) and WELL_FORMED.search(key):
        headers["Idempotency-Key"] = f"fuzz-{next(_numbers)}"

"""Idempotency keys (IETF httpapi draft "The Idempotency-Key HTTP Header Field").

A retried POST that carries the key of an earlier one gets the earlier answer instead of
doing the work twice. The rules that do not depend on HTTP plumbing live here.
"""

import hashlib
from dataclasses import dataclass
from datetime import timedelta

RETENTION = timedelta(hours=24)
# A claim whose owner died (a crashed process) is taken over after this long.
IN_FLIGHT_LEASE = timedelta(minutes=5)
MAX_KEY_LENGTH = 255
BARE_FORBIDDEN = frozenset(' "\\')

# 4xx answers that depend on something other than the request itself (credentials, timing,
# load): a retry must run again, so they are not kept.
TRANSIENT_CLIENT_ERRORS = frozenset({401, 408, 425, 429})


class MalformedKey(ValueError):
    """The header is not a string of 1 to 255 printable ASCII characters."""


def parse_key(raw: str) -> str:
    """The key of an `Idempotency-Key` header value.

    The draft makes the value a Structured Field String (`"8e03..."`, RFC 8941); a bare
    token (`8e03...`, as several public APIs use) is accepted too.
    """
    value = raw.strip()
    quoted = value.startswith('"')
    key = _sf_string(value) if quoted else value
    if not 1 <= len(key) <= MAX_KEY_LENGTH:
        raise MalformedKey(f"the Idempotency-Key must hold 1 to {MAX_KEY_LENGTH} characters")
    if not all(" " <= c <= "~" for c in key) or (not quoted and BARE_FORBIDDEN & set(key)):
        raise MalformedKey("the Idempotency-Key must be printable ASCII (a quoted string)")
    return key


def _sf_string(value: str) -> str:
    if len(value) < 2 or not value.endswith('"'):
        raise MalformedKey("the Idempotency-Key string is not closed by a quote")
    out: list[str] = []
    chars = iter(value[1:-1])
    for c in chars:
        if c == "\\":
            escaped = next(chars, "")
            if escaped not in ('"', "\\"):
                raise MalformedKey("the Idempotency-Key string has a bad escape")
            out.append(escaped)
        elif c == '"':
            raise MalformedKey("the Idempotency-Key string has an unescaped quote")
        else:
            out.append(c)
    return "".join(out)


def fingerprint(method: str, path: str, query: str, body: bytes) -> str:
    """What makes two requests "the same payload": method, target and the body's bytes."""
    digest = hashlib.sha256()
    for part in (method.upper().encode(), path.encode(), query.encode()):
        digest.update(len(part).to_bytes(8, "big") + part)
    digest.update(hashlib.sha256(body).digest())
    return digest.hexdigest()


def is_kept(status: int) -> bool:
    """Successes and client errors that were processed are kept; server errors are not, so
    a retry runs again (the draft leaves the choice to the server)."""
    return 200 <= status < 500 and status not in TRANSIENT_CLIENT_ERRORS


@dataclass(frozen=True)
class StoredResponse:
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes


@dataclass(frozen=True)
class Claimed:
    """The caller owns the key now: run the request, then complete or release the claim."""


@dataclass(frozen=True)
class Replay:
    response: StoredResponse


@dataclass(frozen=True)
class InFlight:
    """Another request with this key is being processed."""


@dataclass(frozen=True)
class Mismatch:
    """The key was used before for a different request."""


Claim = Claimed | Replay | InFlight | Mismatch

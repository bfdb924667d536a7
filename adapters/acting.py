"""Who is acting, and for which HTTP request: what the audit trail writes next to each change.

The HTTP middleware opens an `Acting` for each request (anonymous until the caller is known),
the sign-in dependency names the caller in it, a worker job or a command opens its own. The
engine hands the current one to PostgreSQL at each connection checkout
(adapters/db/engine.py), where the audit triggers read it.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

ANONYMOUS = "anonymous"  # an HTTP caller who sent no token or key: a resident, a visitor
SYSTEM = "system"  # the app's own writes outside any request, job or command


@dataclass
class Acting:
    """Mutable on purpose: the middleware opens it before the caller is known, and the
    dependency that signs the caller in (a task of its own, sometimes) fills it in."""

    actor: str
    request_id: str | None = None


_acting: ContextVar[Acting | None] = ContextVar("frontdoor_acting", default=None)


def current_acting() -> Acting:
    return _acting.get() or Acting(SYSTEM)


@contextmanager
def acting_as(actor: str, request_id: str | None = None) -> Iterator[Acting]:
    acting = Acting(actor, request_id)
    token = _acting.set(acting)
    try:
        yield acting
    finally:
        _acting.reset(token)


def name_actor(actor: str) -> None:
    """The caller, once signed in: a user's email, an API key's name."""
    acting = _acting.get()
    if acting is None:
        _acting.set(Acting(actor))
    else:
        acting.actor = actor

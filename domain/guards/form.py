"""What a person filling the form does not do: fill the hidden field, or finish in a blink."""

from datetime import datetime, timedelta

from domain.guards.errors import Refused

CLOCK_SKEW = timedelta(minutes=5)  # the browser's clock may run a little ahead of ours


def check_honeypot(website: str) -> None:
    """The `website` field is hidden from people (and from screen readers): only a bot fills it."""
    if website:
        raise Refused("website", "honeypot", "this field must stay empty")


def check_fill_time(started_at: datetime, now: datetime, minimum: timedelta) -> None:
    if started_at.tzinfo is None:
        raise Refused("started_at", "started_at_invalid", "give the time with its offset")
    if started_at > now + CLOCK_SKEW:
        raise Refused("started_at", "started_at_invalid", "the form cannot start in the future")
    if now - started_at < minimum:
        raise Refused("started_at", "too_fast", "the form was sent too quickly")

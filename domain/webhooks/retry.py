"""When to try a webhook delivery again: exponential backoff with jitter, for at least a day."""

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime


@dataclass(frozen=True)
class RetryPolicy:
    """Delay n is base * 2^(n-1), capped, stretched by up to `jitter`; retries go on while
    less than `window` has passed since the delivery was created, so the last one lands
    at or after the window: a receiver down for a whole day still gets the event."""

    base: timedelta = timedelta(seconds=10)
    cap: timedelta = timedelta(hours=4)
    window: timedelta = timedelta(hours=24)
    jitter: float = 0.2
    longest_retry_after: timedelta = timedelta(hours=24)

    def next_delay(
        self,
        attempt: int,
        elapsed: timedelta,
        retry_after: timedelta | None = None,
        rng: random.Random | None = None,
    ) -> timedelta | None:
        """The wait before attempt `attempt + 1`, or None: give up."""
        if elapsed >= self.window:
            return None
        exponent = min(attempt - 1, 40)
        capped = min(self.cap, self.base * (2**exponent))
        spread = (rng or random.Random()).uniform(0, self.jitter)  # noqa: S311 - not a secret
        delay: timedelta = capped * (1 + spread)
        if retry_after is not None:
            delay = max(delay, min(retry_after, self.longest_retry_after))
        return delay


def parse_retry_after(value: str | None, now: datetime) -> timedelta | None:
    """Retry-After as seconds or as an HTTP date; anything else is ignored."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return timedelta(seconds=int(value))
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(timedelta(0), when - now)

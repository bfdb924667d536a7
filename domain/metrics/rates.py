"""Rates and averages: None when there is nothing to divide, never a made-up zero."""

import math
from collections.abc import Sequence


def rate(part: float, whole: float) -> float | None:
    """A fraction from 0 to 1, e.g. contacts resolved on first contact out of all contacts."""
    return None if not whole else part / whole


def mean(total: float | None, count: float) -> float | None:
    return None if not count or total is None else total / count


def percentile(ordered: Sequence[float], fraction: float) -> float | None:
    """The continuous percentile (PostgreSQL's percentile_cont): linear interpolation between
    the two nearest ranks of the sorted values. The SQL computes it; this states the rule."""
    if not ordered:
        return None
    position = fraction * (len(ordered) - 1)
    below, above = math.floor(position), math.ceil(position)
    share = position - below
    return ordered[below] + (ordered[above] - ordered[below]) * share

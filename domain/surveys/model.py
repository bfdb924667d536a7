"""Who is asked, when, and what an answer holds.

A closed request's reporter is asked once, a while after the closure (`delay`), through the
channel they hear from us by. A request merged into another is never surveyed: its reporter
follows the other request. The answer is a score from 1 to 5, "satisfied" from 4, with an
optional comment that staff read and the public never do.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from domain.requests.model import CloseReason, ServiceRequest, Status
from domain.shared.errors import ValidationFailed

LOWEST, HIGHEST, SATISFIED = 1, 5, 4
MAX_COMMENT = 2000


@dataclass(frozen=True)
class SurveyPolicy:
    """`delay` after the closure the invitation goes; its link works for `lifetime`. Closures
    older than `delay + send_within` are left alone (a late worker, or a first deployment,
    does not survey a whole year of requests)."""

    delay: timedelta = timedelta(hours=24)
    lifetime: timedelta = timedelta(days=30)
    send_within: timedelta = timedelta(days=7)

    def is_due(self, request: ServiceRequest, now: datetime) -> bool:
        closed = request.closed_at
        if request.status is not Status.CLOSED or closed is None or was_merged(request):
            return False
        return closed + self.delay <= now < closed + self.delay + self.send_within


def was_merged(request: ServiceRequest) -> bool:
    return request.duplicate_of is not None or request.close_reason is CloseReason.DUPLICATE


@dataclass(frozen=True)
class Invitation:
    """A request's one survey decision. `channel` is how it went (email, sms), None when the
    reporter could not be asked (anonymous, `none`, opted out): then `skipped` says why."""

    request_id: str
    invited_at: datetime
    channel: str | None
    skipped: str | None = None


@dataclass(frozen=True)
class Answer:
    """`channel` is the request's intake channel; the department and service are the
    request's when it was answered, so figures keep their place if the catalog changes."""

    request_id: str
    score: int
    channel: str
    department_code: str
    service_code: str
    answered_at: datetime
    comment: str | None = None

    @property
    def satisfied(self) -> bool:
        return self.score >= SATISFIED


def checked_score(score: int) -> int:
    if not LOWEST <= score <= HIGHEST:
        raise ValidationFailed.single("score", f"must be from {LOWEST} to {HIGHEST}")
    return score


def checked_comment(comment: str | None) -> str | None:
    text = (comment or "").strip()
    if len(text) > MAX_COMMENT:
        raise ValidationFailed.single("comment", f"must be at most {MAX_COMMENT} characters")
    return text or None

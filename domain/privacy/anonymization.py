"""Anonymization: residents' contact data goes, the facts of their requests stay.

Requests closed more than `after` ago lose their reporter's name, email and phone, their link
to the resident, the personal data in their free text (masked where the text is a record of
work, blanked where it is the resident's own message), their followers and their survey
comment. Contacts (cases) untouched for as long lose theirs the same way. A resident record
nothing refers to any more, and untouched for as long, is blanked: its id and creation date
stay, so counts of residents stay right.

What stays for statistics: service, department, dates, status, close reason, priority,
channel, case type, location, survey scores, counts. Opt-out rows (email and text) always stay:
they are the suppression list, and keep honouring the resident's wish not to be contacted.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from domain.privacy.personal_data import mask_personal_data

DEFAULT_BATCH_SIZE = 200
MIN_AGE = timedelta(days=1)  # a closed request is never anonymized the day it closes

# The internal timeline entry left on each request of an erased resident: no personal data.
ERASED_NOTE = (
    "Personal data erased at the resident's request."
    " / Datos personales borrados a petición del residente."
)


@dataclass(frozen=True)
class AnonymizationPolicy:
    """`after`: how long after closing (or a contact's last change) personal data is kept."""

    after: timedelta
    batch_size: int = DEFAULT_BATCH_SIZE

    def __post_init__(self) -> None:
        if self.after < MIN_AGE:
            raise ValueError("personal data must be kept at least a day after closing")
        if self.batch_size < 1:
            raise ValueError("batch_size must be at least 1")

    def cutoff(self, now: datetime) -> datetime:
        """Requests closed (contacts changed) before this lose their personal data."""
        return now - self.after


def scrubbed(text: str, names: Iterable[str | None]) -> str:
    """A record of work (a description, a comment, a case summary) with the emails, phone
    numbers and the resident's names in it masked: the rest is what happened, and stays."""
    return mask_personal_data(text, names)


@dataclass(frozen=True)
class Erased:
    """What an erasure changed, by kind of record (counts only: no personal data)."""

    requests: int = 0
    cases: int = 0
    messages: int = 0
    timeline_entries: int = 0
    followers: int = 0
    survey_comments: int = 0

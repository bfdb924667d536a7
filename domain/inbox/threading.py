"""How a message finds its thread: by the ids it answers, or by a reference in its subject."""

import re
from uuid import UUID

REFERENCE_IN_SUBJECT = re.compile(r"\[\s*311\s*#\s*(\d{2}-\d{8})\s*\]")
SUBJECT_PREFIX = "[311 #{reference}]"


def reference_in(subject: str) -> str | None:
    """The request number of `[311 #26-00000001]` in a subject, if any."""
    found = REFERENCE_IN_SUBJECT.search(subject)
    return found.group(1) if found else None


def tagged_subject(reference: str, subject: str) -> str:
    """The subject of a message we send, tagged so that a reply finds its way back."""
    tag = SUBJECT_PREFIX.format(reference=reference)
    return subject if tag in subject else f"{tag} {subject}".strip()


def summary_of(subject: str, body: str) -> str:
    """A text message has no subject: its first line stands for one."""
    first_line = next((line.strip() for line in body.splitlines() if line.strip()), "")
    return subject.strip() or first_line


CASE_REFERENCE = re.compile(r"\[\s*311\s*#\s*C-([0-9A-Fa-f]{12})\s*\]")


def case_reference(case_id: UUID) -> str:
    """A case's number for residents: 48 bits of its id, enough to be unique in practice."""
    return "C-" + case_id.hex[:12].upper()


def case_prefix_in(subject: str) -> str | None:
    """The 12 hex digits of `[311 #C-1A2B3C4D5E6F]` in a subject, lower case, if any."""
    found = CASE_REFERENCE.search(subject)
    return found.group(1).lower() if found else None

"""What the public sees of a request's timeline: sentences without staff names or reasons,
with the agents' public text masked by the service's setting (domain.privacy)."""

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from domain.privacy.disclosure import Disclosure
from domain.requests.open311_reads import PublicNote

PublicText = Callable[[str], str]

CLOSE_REASONS = {
    "resolved": "resolved",
    "not_resolved": "closed without a fix",
    "duplicate": "closed as a duplicate",
    "referred": "referred to another agency",
    "cancelled": "cancelled",
}


def public_text_of(disclosure: Disclosure, names: tuple[str | None, ...]) -> PublicText:
    return lambda text: disclosure.text(text, names)


def note_type(kind: str, data: Mapping[str, Any]) -> str:
    if kind == "status":
        return "closed" if data.get("to") == "closed" else "status"
    return {"created": "opened", "merge": "merged"}.get(kind, kind)


def public_note(at: datetime, kind: str, data: Mapping[str, Any], shown: PublicText) -> PublicNote:
    note = shown(str(data["note"])) if kind == "status" and data.get("note") else None
    return PublicNote(
        at,
        note_type(kind, data),
        describe(kind, data, shown),
        str(data["to"]) if kind == "status" else None,
        str(data["reason"]) if kind == "status" and data.get("reason") else None,
        note,
    )


def describe(kind: str, data: Mapping[str, Any], shown: PublicText) -> str:
    """A public sentence for a timeline entry: no staff names, no internal reasons.

    A status change says what the status became and, when there is one, its public note:
    "Status changed to closed (resolved): Patched with cold mix."
    """
    if kind == "comment":
        return shown(str(data.get("body", "")))
    if kind == "merge":
        if "into" in data:
            return f"Merged into request {data['into']}"
        return f"Request {data.get('from')} was merged into this one"
    if kind == "status":
        to = str(data.get("to", "")).replace("_", " ")
        reason = CLOSE_REASONS.get(str(data.get("reason")))
        sentence = f"Status changed to {to}" + (f" ({reason})" if reason else "")
        note = str(data.get("note") or "").strip()
        return f"{sentence}: {shown(note)}" if note else sentence
    return "Request received"

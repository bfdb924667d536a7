"""Readable names of the codes a series is keyed by (the SPA may translate the keys)."""

WORDS = {
    "all": "All",
    "none": "None",
    "walk_in": "Walk-in",
    "api": "API",
    "sms": "SMS",
    "service_request": "Service request",
    "status_inquiry": "Status inquiry",
    "in_progress": "In progress",
    "on_hold": "On hold",
    "911": "911",
    "211": "211",
}


def label_of(code: str) -> str:
    """`walk_in` → "Walk-in", `phone` → "Phone"."""
    return WORDS.get(code) or code.replace("_", " ").capitalize()


def hour_label(hour: int) -> str:
    return f"{hour:02d}:00"

"""Every template renders in every language with the values the notifiers give."""

import pytest

from domain.notifications.templates import render_email, render_sms

VALUES = {
    "number": "26-00000007",
    "service": "Pothole",
    "expected": "Friday, November 27, 2026, 5:00 PM EST",
    "status_url": "https://311.example/s/26-00000007",
    "lookup_url": "https://311.example/find",
    "status": "in progress",
    "reason": "The problem has been fixed.",
    "duplicate_note": "",
    "public_note": "",
    "unsubscribe_url": "https://311.example/unsubscribe?token=abc.def",
}


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("kind", ["submitted", "status", "closed"])
def test_resident_templates_render_with_a_subject_and_the_number(language: str, kind: str) -> None:
    email = render_email(kind, language, VALUES)
    assert "26-00000007" in email.subject
    assert "$" not in email.subject + email.text
    assert "https://311.example/s/26-00000007" in email.text
    assert email.text.endswith("\nhttps://311.example/unsubscribe?token=abc.def\n")  # the footer
    assert "\n\n\n" not in email.text
    sms = render_sms(kind, language, VALUES)
    assert "26-00000007" in sms and "\n" not in sms and len(sms) <= 320


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("kind", ["status", "closed"])
def test_a_status_change_quotes_its_public_note(language: str, kind: str) -> None:
    values = {**VALUES, "public_note": "Note from the city: Patched with cold mix.\n"}
    email = render_email(kind, language, values)
    assert "\nNote from the city: Patched with cold mix.\n" in email.text
    assert "\n\n\n" not in email.text


def test_a_missing_value_is_an_error_not_a_blank() -> None:
    with pytest.raises(KeyError):
        render_email("submitted", "en", {"number": "26-00000007"})


def test_the_escalation_template_renders() -> None:
    values = {"label": "overdue", "department": "Transportation", "where": "100 N Holliday St",
              "lateness": "overdue by 2 hours", **VALUES}  # fmt: skip
    email = render_email("escalation", "en", values)
    assert email.subject == "[311 overdue] 26-00000007 Pothole: overdue by 2 hours"
    assert "Where: 100 N Holliday St" in email.text
    assert "unsubscribe" not in email.text  # staff mail: no opt-out link

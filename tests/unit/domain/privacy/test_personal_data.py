"""The personal-data rule: what it finds in public text, what it leaves alone, how it masks."""

import pytest

from domain.privacy.personal_data import (
    Kind,
    find_personal_data,
    mask_personal_data,
    public_text,
    relabel_masks,
)

PHONES = [
    "410-555-0177",
    "(410) 555-0177",
    "(410)555-0177",
    "+1 410 555 0177",
    "+1-410-555-0177",
    "1-410-555-0177",
    "410.555.0177",
    "410 555 0177",
    "4105550177",
    "+14105550177",
    "555-0177",
    "+34 612 345 678",
    "+44 20 7946 0958",
]
EMAILS = ["lena@example.net", "Lena.Leak+311@mail.example.org", "j_doe@city.baltimore.md.us"]
NOT_PERSONAL = [
    "Request 26-00000001 was merged into 26-00000042.",
    "Seen on 2026-03-02 and 03/02/2026, again 3-2-2026.",
    "Crew came at 10:30-11:45 and again at 14:05.",
    "2125 EASTERN AVE, Baltimore, MD 21224",
    "ZIP 21224-1234",
    "Repair cost $1,250.00 and $410,555.01 in total.",
    "Pothole 4 inches deep, 30 by 60 cm, lane 2 of 3.",
    "Work order WO-2026-0001234 and ticket 123456789.",
    "Between 1200 and 1300 blocks, about 555 feet.",
    "Patched with cold mix.",
]


@pytest.mark.parametrize("phone", PHONES)
def test_phone_numbers_in_the_usual_formats_are_found(phone: str) -> None:
    found = find_personal_data(f"Call back on {phone} after five.")
    assert [(f.kind, f.text) for f in found] == [(Kind.PHONE, phone)]


@pytest.mark.parametrize("email", EMAILS)
def test_emails_are_found(email: str) -> None:
    found = find_personal_data(f"Write to {email}.")
    assert [(f.kind, f.text) for f in found] == [(Kind.EMAIL, email)]


@pytest.mark.parametrize("text", NOT_PERSONAL)
def test_references_dates_times_zips_house_numbers_and_money_are_left_alone(text: str) -> None:
    assert find_personal_data(text) == []
    assert mask_personal_data(text) == text


def test_the_notes_of_the_trial_are_masked_whole() -> None:
    notes = (
        "Caller Lena Leakcheck (410-555-0177, lives at 12 N Calvert, upstairs), lena@example.net"
    )
    masked = mask_personal_data(notes, names=["Lena", "Leakcheck"])
    assert masked == (
        "Caller [name hidden] [name hidden] ([phone hidden], lives at 12 N Calvert, upstairs), "
        "[email hidden]"
    )


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("tel:4105550177", "tel:[phone hidden]"),
        ("phone:410.555.0177.", "phone:[phone hidden]."),
        ("+1 (410) 555-0177", "[phone hidden]"),
        ("Case 26-00000001, call 555-0177", "Case 26-00000001, call [phone hidden]"),
    ],
)
def test_phones_after_punctuation_are_masked_and_the_rest_kept(text: str, masked: str) -> None:
    assert mask_personal_data(text) == masked


def test_names_are_whole_words_in_any_case_and_short_or_empty_names_are_ignored() -> None:
    names = ["lena", "", None, "J"]
    found = find_personal_data("LENA called; Lenaville is elsewhere.", names=names)
    assert [(f.kind, f.text) for f in found] == [(Kind.NAME, "LENA")]


def test_findings_come_in_text_order_with_their_positions() -> None:
    text = "lena@example.net or 410-555-0177"
    found = find_personal_data(text)
    assert [(f.kind, text[f.start : f.end]) for f in found] == [
        (Kind.EMAIL, "lena@example.net"),
        (Kind.PHONE, "410-555-0177"),
    ]


def test_masks_are_in_the_reader_s_language() -> None:
    masked = mask_personal_data("Llame al 410-555-0177", language="es")
    assert masked == "Llame al [teléfono oculto]"
    english = mask_personal_data("Ana, ana@example.net, 410-555-0177", names=["Ana"])
    assert relabel_masks(english, "es") == "[nombre oculto], [correo oculto], [teléfono oculto]"


def test_public_text_masks_only_when_the_service_says_so() -> None:
    assert public_text("Call 410-555-0177", mask=True) == "Call [phone hidden]"
    assert public_text("Call 410-555-0177", mask=False) == "Call 410-555-0177"


def test_a_name_with_digits_attached_is_masked_whole_and_never_in_part() -> None:
    masked = mask_personal_data("Call Rosa Status1796: 410-555-0142.", ["Rosa", "Status1796"])
    assert masked == "Call [name hidden] [name hidden]: [phone hidden]."


def test_digits_alone_in_a_name_mask_nothing() -> None:
    assert mask_personal_data("Pothole 12 feet wide", ["12"]) == "Pothole 12 feet wide"

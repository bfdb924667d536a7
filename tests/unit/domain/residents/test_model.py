"""Residents: how contact details are normalised, checked and merged."""

from datetime import UTC, datetime
from uuid import UUID

import pytest

from domain.residents.model import ContactPreference, Resident, fold, phone_digits
from domain.shared.errors import ValidationFailed

AT = datetime(2026, 6, 15, 14, 0, tzinfo=UTC)


def resident(**fields: object) -> Resident:
    return Resident(id=UUID(int=1), created_at=AT, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("phone", "digits"),
    [
        ("(410) 555-0101", "4105550101"),
        ("+1 410 555 0101", "4105550101"),  # North American country code dropped
        ("1-410-555-0101", "4105550101"),
        ("+44 20 7946 0958", "442079460958"),  # 12 digits: kept whole
        ("21234567890", "21234567890"),  # 11 digits not starting with 1: kept whole
        ("ext.", ""),
    ],
)
def test_phone_digits(phone: str, digits: str) -> None:
    assert phone_digits(phone) == digits


def test_fold_ignores_case_accents_and_spacing() -> None:
    assert fold("  José   NÚÑEZ ") == "jose nunez"
    assert fold("Zoë") == fold("zoe")


def test_emails_are_trimmed_case_folded_and_deduplicated() -> None:
    someone = resident(emails=[" Ana@Example.org ", "ana@example.org", "  ", "b@example.org"])
    assert someone.emails == ["ana@example.org", "b@example.org"]


def test_phones_without_digits_are_dropped_and_repeats_removed() -> None:
    someone = resident(phones=[" 410 555 0101 ", "410 555 0101", "n/a", "", "410 555 0199"])
    assert someone.phones == ["410 555 0101", "410 555 0199"]
    assert someone.phone_keys == ["4105550101", "4105550199"]


def test_a_malformed_email_is_refused_on_the_emails_field() -> None:
    with pytest.raises(ValidationFailed) as failure:
        resident(emails=["ana.example.org"])
    assert [(e.field, e.message) for e in failure.value.errors] == [
        ("emails", "'ana.example.org' is not an email address")
    ]


def test_sms_needs_a_phone_number() -> None:
    with pytest.raises(ValidationFailed) as failure:
        resident(contact_preference=ContactPreference.SMS, emails=["ana@example.org"])
    assert failure.value.errors[0].field == "contact_preference"
    texted = resident(contact_preference=ContactPreference.SMS, phones=["410 555 0101"])
    assert texted.contact_preference is ContactPreference.SMS


def test_email_is_the_default_contact_preference() -> None:
    assert resident().contact_preference is ContactPreference.EMAIL


def test_is_empty_only_without_name_phone_email_and_address() -> None:
    assert resident().is_empty
    assert resident(preferred_language="es").is_empty  # a language alone names nobody
    assert not resident(first_name="Ana").is_empty
    assert not resident(address="1 Main St").is_empty
    assert not resident(phones=["410 555 0101"]).is_empty


def test_absorb_fills_gaps_and_adds_new_contacts_only() -> None:
    known = resident(
        first_name="Ana",
        phones=["(410) 555-0101"],
        emails=["ana@example.org"],
        preferred_language="es",
    )
    later = resident(
        first_name="Anna",
        last_name="Lopez",
        phones=["+1 410 555 0101", "410 555 0199"],
        emails=["ana@example.org", "ana.lopez@example.org"],
        address="1 Main St",
        preferred_language="en",
    )
    known.absorb(later)
    assert known.first_name == "Ana"  # what we knew stays
    assert known.last_name == "Lopez"
    assert known.address == "1 Main St"
    assert known.preferred_language == "es"
    assert known.phones == ["(410) 555-0101", "410 555 0199"]  # same number, other spelling
    assert known.emails == ["ana@example.org", "ana.lopez@example.org"]

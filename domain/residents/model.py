"""Residents: the people who contact 311, and how we recognise them again."""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from domain.shared.errors import ValidationFailed

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def phone_digits(phone: str) -> str:
    """Digits only; a North American number's leading country code 1 is dropped."""
    digits = "".join(c for c in phone if c.isdigit())
    return digits[1:] if len(digits) == 11 and digits.startswith("1") else digits


def fold(text: str) -> str:
    """Case- and accent-insensitive form: 'José Núñez' and 'jose nunez' fold alike."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def normalise_email(email: str) -> str:
    return email.strip().casefold()


class ContactPreference(StrEnum):
    """How a resident hears about their requests. `none` opts out of every message."""

    EMAIL = "email"  # when we have an address
    SMS = "sms"
    NONE = "none"


@dataclass
class Resident:
    id: UUID
    created_at: datetime
    first_name: str | None = None
    last_name: str | None = None
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    address: str | None = None
    preferred_language: str | None = None
    contact_preference: ContactPreference = ContactPreference.EMAIL
    updated_at: datetime | None = None

    def __post_init__(self) -> None:
        self.emails = list(dict.fromkeys(normalise_email(e) for e in self.emails if e.strip()))
        self.phones = list(dict.fromkeys(p.strip() for p in self.phones if phone_digits(p)))
        for email in self.emails:
            if not EMAIL.match(email):
                raise ValidationFailed.single("emails", f"{email!r} is not an email address")
        if self.contact_preference is ContactPreference.SMS and not self.phones:
            raise ValidationFailed.single("contact_preference", "sms needs a phone number")

    @property
    def phone_keys(self) -> list[str]:
        return [phone_digits(p) for p in self.phones]

    @property
    def is_empty(self) -> bool:
        return not any((self.first_name, self.last_name, self.phones, self.emails, self.address))

    def absorb(self, other: "Resident") -> None:
        """Add what a later contact told us: new phones and emails, missing names."""
        self.first_name = self.first_name or other.first_name
        self.last_name = self.last_name or other.last_name
        self.address = self.address or other.address
        self.preferred_language = self.preferred_language or other.preferred_language
        known = set(self.phone_keys)
        self.phones += [p for p in other.phones if phone_digits(p) not in known]
        self.emails += [e for e in other.emails if e not in self.emails]


@dataclass(frozen=True)
class Reporter:
    """The contact details given with a request; a resident is found or made from them."""

    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    phone: str | None = None
    language: str | None = None

    @property
    def is_anonymous(self) -> bool:
        return not any((self.first_name, self.last_name, self.email, self.phone))

    @property
    def names(self) -> tuple[str | None, ...]:
        """What public text must not name (see domain.privacy.personal_data)."""
        return (self.first_name, self.last_name)

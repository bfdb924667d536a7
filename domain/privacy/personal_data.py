"""Personal data in text that goes public: emails, phone numbers and the reporter's own name.

Agents are warned when a public text holds any (`find_personal_data`), and public outputs
mask what is found (`mask_personal_data`) when the service says so. The phone rule is tuned
not to take our reference numbers (26-00000001), dates, times, ZIP codes (21224-1234), house
numbers or amounts of money for phone numbers.
"""

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    NAME = "name"


@dataclass(frozen=True)
class Finding:
    kind: Kind
    start: int
    end: int
    text: str


EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
# Where a number may start (checked first, it is cheap), after no longer number, date, time
# or amount.
_NOT_AFTER_DIGIT = r"(?=[\d+(])(?<![\d$])(?<!\d[-./:])"
_NOT_BEFORE_DIGIT = r"(?![-./:]?\d)"
_SEP = r"[ .\-]?"
# North American numbers: an optional 1, a 3-digit area code (in brackets or not), then
# 3 + 4 digits; area code and exchange start with 2-9, as the numbering plan requires.
NANP = re.compile(
    _NOT_AFTER_DIGIT
    + r"(?:\+?1" + _SEP + r")?"
    + r"(?:\([2-9]\d{2}\)\s?|[2-9]\d{2}" + _SEP + r")"
    + r"[2-9]\d{2}" + _SEP + r"\d{4}"
    + _NOT_BEFORE_DIGIT
)  # fmt: skip
# A 7-digit local number needs its dash or dot: "555-0177", never "555 0177" or "5550177".
LOCAL = re.compile(_NOT_AFTER_DIGIT + r"[2-9]\d{2}[-.]\d{4}" + _NOT_BEFORE_DIGIT)
# Other countries: a leading + and 8 to 15 digits in groups.
INTERNATIONAL = re.compile(r"(?<![\w+])\+\d{1,3}(?:[ .\-]?\(?\d{1,4}\)?){2,5}" + _NOT_BEFORE_DIGIT)
MIN_INTERNATIONAL_DIGITS = 8
# Names are compared word by word, a word being a run of letters and digits: a name typed with
# digits attached ("Status1796") is masked whole, never in part.
WORD = re.compile(r"[^\W_]+")
LETTER = re.compile(r"[^\W\d_]")
THREE_DIGITS = re.compile(r"\d{3}")
MIN_NAME_LENGTH = 2

MASKS: Mapping[str, Mapping[Kind, str]] = {
    "en": {Kind.EMAIL: "[email hidden]", Kind.PHONE: "[phone hidden]", Kind.NAME: "[name hidden]"},
    "es": {
        Kind.EMAIL: "[correo oculto]",
        Kind.PHONE: "[teléfono oculto]",
        Kind.NAME: "[nombre oculto]",
    },
}


def find_personal_data(text: str, names: Iterable[str | None] = ()) -> list[Finding]:
    """Emails, phone numbers and any of `names` (whole words, any case), in text order.

    `names` are the people the text may be about, such as the reporter's first and last name.
    """
    found = _emails_in(text) + _phones_in(text) + _names_in(text, names)
    return _without_overlaps(found)


def _emails_in(text: str) -> list[Finding]:
    if "@" not in text:
        return []
    return [Finding(Kind.EMAIL, m.start(), m.end(), m.group()) for m in EMAIL.finditer(text)]


def _phones_in(text: str) -> list[Finding]:
    if not THREE_DIGITS.search(text):  # every phone number has a run of three digits
        return []
    return [
        Finding(Kind.PHONE, m.start(), m.end(), m.group())
        for pattern in (NANP, INTERNATIONAL, LOCAL)
        for m in pattern.finditer(text)
        if pattern is not INTERNATIONAL or _digits(m.group()) >= MIN_INTERNATIONAL_DIGITS
    ]


def mask_personal_data(text: str, names: Iterable[str | None] = (), language: str = "en") -> str:
    """`text` with each finding replaced by a label such as "[phone hidden]"."""
    labels = MASKS.get(language, MASKS["en"])
    pieces: list[str] = []
    last = 0
    for finding in find_personal_data(text, names):
        pieces += [text[last : finding.start], labels[finding.kind]]
        last = finding.end
    return "".join(pieces) + text[last:]


def public_text(
    text: str, mask: bool, names: Iterable[str | None] = (), language: str = "en"
) -> str:
    """What a public output shows of an agent's or client's text, by the service's setting."""
    return mask_personal_data(text, names, language) if mask else text


def relabel_masks(text: str, language: str) -> str:
    """Text masked in English, with the labels in `language` (for a resident's email)."""
    for kind, label in MASKS["en"].items():
        text = text.replace(label, MASKS.get(language, MASKS["en"])[kind])
    return text


def _names_in(text: str, names: Iterable[str | None]) -> list[Finding]:
    wanted = {
        word.casefold()
        for name in names
        if name
        for word in WORD.findall(name)
        if len(word) >= MIN_NAME_LENGTH and LETTER.search(word)
    }
    folded = text.casefold()
    if not any(word in folded for word in wanted):
        return []
    return [
        Finding(Kind.NAME, m.start(), m.end(), m.group())
        for m in WORD.finditer(text)
        if m.group().casefold() in wanted
    ]


def _digits(text: str) -> int:
    return sum(c.isdigit() for c in text)


def _without_overlaps(found: Sequence[Finding]) -> list[Finding]:
    """Earliest first; of two findings that overlap, the longer one stays."""
    kept: list[Finding] = []
    for finding in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if kept and finding.start < kept[-1].end:
            continue
        kept.append(finding)
    return kept

"""Every refusal a resident can meet is written in every language of the public pages."""

import re
from pathlib import Path

import pytest

from api.public_messages import MESSAGES
from api.public_problems import DOMAIN_CODES, PYDANTIC_CODES, STATUS_CODES
from domain.shared.errors import ValidationFailed
from domain.webhooks.model import check_event_types

ROOT = Path(__file__).resolve().parents[3]
REFUSED = re.compile(r'Refused\(\s*"[^"]+",\s*"([a-z_]+)"', re.MULTILINE)


def refusal_codes() -> set[str]:
    codes: set[str] = set()
    for path in (ROOT / "domain").rglob("*.py"):
        codes |= set(REFUSED.findall(path.read_text()))
    return codes


def test_the_domain_refuses_with_codes_we_can_word() -> None:
    codes = refusal_codes()
    assert {"proof_missing", "contact_required", "follow_token_used"} <= codes
    assert codes <= set(MESSAGES["en"])


@pytest.mark.parametrize("language", sorted(MESSAGES))
def test_every_code_is_worded_in_every_language(language: str) -> None:
    mapped = set(PYDANTIC_CODES.values()) | set(DOMAIN_CODES.values()) | set(STATUS_CODES.values())
    assert mapped <= set(MESSAGES[language])
    assert set(MESSAGES[language]) == set(MESSAGES["en"])
    assert all(text.strip() for text in MESSAGES[language].values())


def test_spanish_is_not_english_left_untranslated() -> None:
    same = [code for code, text in MESSAGES["en"].items() if MESSAGES["es"][code] == text]
    assert same == []


def test_partners_cannot_subscribe_to_the_follow_mail_chore() -> None:
    with pytest.raises(ValidationFailed):
        check_event_types(["follower.pending"])
    assert check_event_types(["request.closed"])

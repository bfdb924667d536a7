"""Reply templates: the same set in every language, the case number filled in."""

import pytest

from domain.inbox.reply_templates import LANGUAGES, reply_template, reply_templates
from domain.shared.errors import ValidationFailed


def test_every_language_offers_the_same_templates() -> None:
    keys = {language: [t.key for t in reply_templates(language)] for language in LANGUAGES}
    assert set(LANGUAGES) == {"en", "es"}
    assert keys["es"] == keys["en"]


def test_a_regional_or_unknown_language_falls_back_sensibly() -> None:
    assert reply_templates("es-MX") == reply_templates("es")
    assert reply_templates("fr") == reply_templates("en")
    assert reply_templates(None) == reply_templates("en")


def test_a_template_renders_the_case_number() -> None:
    text = reply_template("received", "es").render("C-1A2B3C4D5E6F")
    assert "caso C-1A2B3C4D5E6F" in text
    assert "${" not in text


def test_an_unknown_template_is_a_validation_error() -> None:
    with pytest.raises(ValidationFailed):
        reply_template("nope", "en")

"""Message templates: package data files rendered with string.Template.

An email template starts with a `Subject:` line and a blank line; an SMS template is one line.
Files are named `<language>/<kind>.txt` (email) and `<language>/<kind>.sms.txt` (SMS).
"""

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from string import Template

_BLANK_RUNS = re.compile(r"\n{3,}")


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str


@cache
def _template(name: str) -> Template:
    source = resources.files(__package__).joinpath("templates", name).read_text("utf-8")
    return Template(source)


def render_email(kind: str, language: str, values: dict[str, str]) -> Rendered:
    """Every placeholder must be given: a missing value is a bug, not a blank."""
    source = _template(f"{language}/{kind}.txt").substitute(values)
    first, _, body = source.partition("\n")
    if not first.startswith("Subject: "):
        raise ValueError(f"template {language}/{kind}.txt must start with a Subject: line")
    text = _BLANK_RUNS.sub("\n\n", body.strip("\n")) + "\n"
    return Rendered(subject=first.removeprefix("Subject: ").strip(), text=text)


def render_sms(kind: str, language: str, values: dict[str, str]) -> str:
    text = _template(f"{language}/{kind}.sms.txt").substitute(values)
    return " ".join(text.split())

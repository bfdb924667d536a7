"""Article text helpers: the plain text of a Markdown body, whole words, language tags."""

import re

_FENCE = re.compile(r"^\s*(```|~~~).*$", re.MULTILINE)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+|[^@>\s]+@[^>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_LINE_MARK = re.compile(r"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)", re.MULTILINE)
_RULE = re.compile(r"^\s{0,3}([-*_]\s*){3,}$", re.MULTILINE)
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~|`)(?=\S)(.+?)(?<=\S)\1")
_BLANK_LINES = re.compile(r"\n{3,}")

LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


def plain_text(markdown: str) -> str:
    """What a reader sees of a Markdown body: no markup, links reduced to their text.

    Search indexes this text and cuts snippets from it, so snippets carry no stray `**` or `##`.
    """
    text = _FENCE.sub("", markdown)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = _RULE.sub("", text)
    text = _LINE_MARK.sub("", text)
    previous = None
    while previous != text:  # nested emphasis: **_word_**
        previous, text = text, _EMPHASIS.sub(r"\2", text)
    return _BLANK_LINES.sub("\n\n", text).strip()


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) widened to whole words: each end stops at a space or at an end of the text.

    A word keeps what is attached to it: "double-parked", "city's", "free." and "(garbage)".
    """
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


def normalize_language(tag: str) -> str:
    """BCP 47 in its usual case: es-mx -> es-MX, zh-hant -> zh-Hant. Raises ValueError."""
    tag = tag.strip()
    if not LANGUAGE_TAG.match(tag) or len(tag) > 35:
        raise ValueError("must be a BCP 47 language tag such as en or es-MX")
    first, *rest = tag.split("-")
    parts = [first.lower()]
    for part in rest:
        if len(part) == 2 and part.isalpha():
            parts.append(part.upper())
        elif len(part) == 4 and part.isalpha():
            parts.append(part.title())
        else:
            parts.append(part.lower())
    return "-".join(parts)


def primary_language(tag: str) -> str:
    """The primary subtag: es-MX -> es."""
    return tag.split("-", 1)[0].lower()

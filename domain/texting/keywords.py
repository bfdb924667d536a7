"""Carrier keywords: a text that is only STOP (or a synonym) stops our texts to that phone,
START turns them back on, HELP asks what this number is. Case, spacing and end punctuation
do not matter; a keyword inside a longer text is not one ("please stop the noise" is a
report, not an opt-out).

The stop words are the carriers' (CTIA) and the FCC's revocation words, and two Spanish ones
residents of a bilingual city use; a Spanish keyword is answered in Spanish.
"""

import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from domain.notifications.wording import ENGLISH, SPANISH


class Keyword(StrEnum):
    STOP = "stop"
    START = "start"
    HELP = "help"


@dataclass(frozen=True)
class KeywordText:
    keyword: Keyword
    language: str | None  # the keyword's own language when only one language uses it


_WORDS: dict[str, tuple[Keyword, str | None]] = {
    **dict.fromkeys(
        ("STOP", "STOPALL", "STOP ALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE",
         "OPTOUT", "OPT OUT"),
        (Keyword.STOP, None),
    ),
    **dict.fromkeys(("PARAR", "ALTO", "CANCELAR"), (Keyword.STOP, SPANISH)),
    **dict.fromkeys(("START", "UNSTOP"), (Keyword.START, None)),
    **dict.fromkeys(("HELP", "INFO"), (Keyword.HELP, ENGLISH)),
    "AYUDA": (Keyword.HELP, SPANISH),
}  # fmt: skip

_AROUND = " \t\r\n.!?¡¿,;:'\"()"


def _bare(body: str) -> str:
    unaccented = unicodedata.normalize("NFKD", body)
    letters = "".join(c for c in unaccented if not unicodedata.combining(c))
    return " ".join(letters.strip(_AROUND).upper().split())


def keyword_in(body: str) -> KeywordText | None:
    """The keyword the whole text is, or None."""
    if len(body) > 40:  # a keyword is a word; no need to fold a long text
        return None
    found = _WORDS.get(_bare(body))
    return None if found is None else KeywordText(*found)

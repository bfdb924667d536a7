"""The words a request is found by in the queue's search, computed by the writer.

The same rule as the SQL function `frontdoor_search_words` (migration 0016): accents folded,
lower case, a reference such as 26-00000001 kept as one word, every other character that is
not a letter or digit a separator, and numbers without their leading zeros. The database
computes it for the app's writes (a trigger); the history import computes it here, in the
process that reads the file, so a million-row import does not spend the database's time on
it. Only text that is plain ASCII once folded is computed here: beyond ASCII, which
characters count as letters depends on the database's locale, so such text is left to it
(None). A test holds this rule to the SQL one on the same texts.
"""

import re
import unicodedata

COMBINING_MARKS = re.compile("[\u0300-\u036f]")
REFERENCE = re.compile(r"(?<![A-Za-z0-9_])([0-9]{2})-([0-9]{8})(?![A-Za-z0-9_])")
# One pass for lower case and separators: every ASCII character not a letter or digit is a
# space, every capital its small letter.
WORD_CHARACTERS = str.maketrans(
    {chr(c): (chr(c).lower() if chr(c).isalnum() else " ") for c in range(128)}
)
MAX_WORD_BYTES = 2047  # PostgreSQL leaves longer words out of a tsvector
# PostgreSQL's parser reads "101e61" as a number in scientific notation and may cut a longer
# word after it ("101e61f52" gives "101e61" and "f52"): such words are left to the database.
SCIENTIFIC = re.compile(r"[0-9]e[0-9]")


def search_words(*texts: str | None) -> list[str] | None:
    """The distinct words of `texts`, sorted, or None when the database must cut them itself:
    text beyond ASCII once folded, or a word its parser reads as a number in scientific
    notation."""
    words = text_words(" ".join(filter(None, texts)))
    return None if words is None else sorted(words)


def text_words(text: str) -> set[str] | None:
    """The distinct words of one text, or None as for `search_words`. Texts joined by a space
    have the union of their words (no rule reaches across a space), and None when one of them
    has None: so a caller may find the words of a text that repeats (an address) once."""
    if not text.isascii():
        text = COMBINING_MARKS.sub("", unicodedata.normalize("NFD", text))
        if not text.isascii():
            return None
    if "-" in text and REFERENCE.search(text):  # a search costs a sixth of a sub
        text = REFERENCE.sub(r"\1\2", text)
    words = text.translate(WORD_CHARACTERS)
    if SCIENTIFIC.search(words):
        return None
    distinct = set(words.split())
    if "0" in words:
        distinct = {word if word[0] != "0" else _unpadded(word) for word in distinct}
    if len(words) > MAX_WORD_BYTES:
        distinct = {word for word in distinct if len(word) <= MAX_WORD_BYTES}
    return distinct


def _unpadded(word: str) -> str:
    """ "007" is "7", "000" is "0" and "00x" is "0x", as the SQL rule's '0+([0-9])' has it
    (a regular expression over the whole text cost the import more)."""
    rest = word.lstrip("0")
    if not rest:
        return "0"
    return rest if rest[0].isdigit() else "0" + rest

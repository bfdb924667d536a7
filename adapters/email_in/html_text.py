"""HTML mail as plain text, with the standard library's parser: nothing is fetched.

Scripts, styles and the head are dropped; a link keeps its text; block elements end lines.
"""

import re
from html.parser import HTMLParser

SKIPPED = frozenset({"script", "style", "head", "title", "template", "noscript"})
BLOCKS = frozenset(
    {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
     "table", "ul", "ol", "hr", "section", "article", "header", "footer"}
)  # fmt: skip
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_RUNS = re.compile(r"\n{3,}")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED:
            self._skipping += 1
        elif tag in BLOCKS:
            self.pieces.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS:
            self.pieces.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif tag in BLOCKS:
            self.pieces.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:  # source line breaks are spaces; blocks make the lines
            self.pieces.append(data.replace("\r", " ").replace("\n", " "))


def html_to_text(html: str) -> str:
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(collector.pieces).split("\n"))
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()

"""Reading a source's dates fast: strptime formats compiled once into regular expressions.

`datetime.strptime` costs about 10 µs a call, which alone would cap an import of four dates a
row near 25,000 rows a second; a compiled expression and a few `int()` calls take a fifth of
that. Formats with a directive we do not compile fall back to strptime, and `iso` reads ISO
8601 with `datetime.fromisoformat`. Wall-clock times are in the mapping's time zone (an
ambiguous hour at the end of daylight saving time reads as its first occurrence, `fold=0`);
a written offset wins.
"""

import re
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta, timezone, tzinfo

DateReader = Callable[[str], datetime | None]

PATTERNS = {
    "Y": r"(\d{4})",
    "y": r"(\d{2})",
    "m": r"(\d{1,2})",
    "d": r"(\d{1,2})",
    "H": r"(\d{1,2})",
    "I": r"(\d{1,2})",
    "M": r"(\d{1,2})",
    "S": r"(\d{1,2})",
    "f": r"(\d{1,6})",
    "p": r"([AaPp][Mm])",
    "z": r"(Z|[+-]\d{2}:?\d{2})",
}
# The numbers a date is written with, as text: a look-up costs a fifth of `int()`, which a
# date of six numbers calls six times. Other text (a fraction, other digits) goes to `int()`.
NUMBERS = {
    **{str(n): n for n in range(3000)},
    **{f"{n:02d}": n for n in range(100)},
    **{f"{n:04d}": n for n in range(1000)},
}


def compile_formats(formats: Sequence[str], zone: tzinfo) -> DateReader:
    """A reader trying each format in turn: an aware datetime, or None when none fits."""
    readers = [_compile(f, zone) for f in formats]
    if len(readers) == 1:
        if formats[0] != "iso" and _pattern(formats[0]) is not None:
            return readers[0]  # a compiled format remembers its last date itself
        return _remembering_the_last(readers[0])

    def read(text: str) -> datetime | None:
        for reader in readers:
            value = reader(text)
            if value is not None:
                return value
        return None

    return _remembering_the_last(read)


def _remembering_the_last(reader: DateReader) -> DateReader:
    """Exports often write one time twice in a row (a closed request's status date is its
    close date): the second read is then free. A datetime is immutable, so sharing is safe."""
    last_text: str | None = None
    last_value: datetime | None = None

    def read(text: str) -> datetime | None:
        nonlocal last_text, last_value
        if text != last_text:
            last_text, last_value = text, reader(text)
        return last_value

    return read


def _compile(fmt: str, zone: tzinfo) -> DateReader:
    if fmt == "iso":
        return _iso(zone)
    compiled = _pattern(fmt)
    if compiled is None:
        return _strptime(fmt, zone)
    pattern, order = compiled
    return _regex(re.compile(pattern), order, zone)


def _pattern(fmt: str) -> tuple[str, list[str]] | None:
    """The expression and the order of its directives; None: leave it to strptime."""
    parts: list[str] = []
    order: list[str] = []
    index = 0
    while index < len(fmt):
        char = fmt[index]
        if char != "%":
            parts.append(re.escape(char))
            index += 1
            continue
        directive = fmt[index + 1 : index + 2]
        if directive == "%":
            parts.append("%")
        elif directive in PATTERNS and directive not in order:
            parts.append(PATTERNS[directive])
            order.append(directive)
        else:
            return None
        index += 2
    if not {"m", "d"} <= set(order) or not {"Y", "y"} & set(order):
        return None
    return "".join(parts), order


def _regex(pattern: re.Pattern[str], order: list[str], zone: tzinfo) -> DateReader:
    at = {directive: i for i, directive in enumerate(order)}
    year, month, day = at["Y"] if "Y" in at else at["y"], at["m"], at["d"]
    short_year = "Y" not in at
    hour, twelve, pm = at.get("H", at.get("I")), "I" in at, at.get("p")
    minute, second, fraction, offset = at.get("M"), at.get("S"), at.get("f"), at.get("z")

    known = NUMBERS.get  # 0 is falsy: "0" and "00" go on to int(), which reads them as well
    last_text: str | None = None
    last_value: datetime | None = None

    def read(text: str) -> datetime | None:
        """Remembers its last date as `_remembering_the_last` does, without a call more."""
        nonlocal last_text, last_value
        if text == last_text:
            return last_value
        last_text, last_value = text, None
        match = pattern.fullmatch(text) or pattern.fullmatch(text.strip())
        if match is None:
            return None
        g = match.groups()
        try:
            y = known(g[year]) or int(g[year])
            h = 0 if hour is None else (known(g[hour]) or int(g[hour]))
            if short_year:
                y += 2000 if y < 69 else 1900  # strptime's rule
            if twelve:
                if not 1 <= h <= 12:
                    return None
                h = h % 12 + (12 if pm is not None and g[pm].upper() == "PM" else 0)
            last_value = datetime(
                y,
                (known(g[month]) or int(g[month])),
                (known(g[day]) or int(g[day])),
                h,
                0 if minute is None else (known(g[minute]) or int(g[minute])),
                0 if second is None else (known(g[second]) or int(g[second])),
                0 if fraction is None else int(g[fraction].ljust(6, "0")),
                zone if offset is None else _zone(g[offset]),
            )
        except ValueError:
            return None
        return last_value

    return read


def _zone(offset: str) -> tzinfo:
    if offset == "Z":
        return UTC
    digits = offset.replace(":", "")
    minutes = int(digits[1:3]) * 60 + int(digits[3:5])
    return timezone(timedelta(minutes=-minutes if digits[0] == "-" else minutes))


def _strptime(fmt: str, zone: tzinfo) -> DateReader:
    def read(text: str) -> datetime | None:
        try:
            value = datetime.strptime(text.strip(), fmt)
        except ValueError:
            return None
        return value if value.tzinfo else value.replace(tzinfo=zone)

    return read


def _iso(zone: tzinfo) -> DateReader:
    def read(text: str) -> datetime | None:
        try:
            value = datetime.fromisoformat(text.strip())
        except ValueError:
            return None
        return value if value.tzinfo else value.replace(tzinfo=zone)

    return read

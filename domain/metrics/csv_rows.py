"""A series as CSV rows `bucket,key,label,value`, safe to open in a spreadsheet."""

from collections.abc import Iterator, Sequence

from domain.metrics.series import Line

HEADER = ("bucket", "key", "label", "value")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(text: str) -> str:
    """Text a spreadsheet would run as a formula is quoted with a leading apostrophe."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def number(value: float | None) -> str:
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value))


def series_rows(buckets: Sequence[str], lines: Sequence[Line]) -> Iterator[tuple[str, ...]]:
    yield HEADER
    for line in lines:
        for bucket, value in zip(buckets, line.values, strict=True):
            yield bucket, cell(line.key), cell(line.label), number(value)

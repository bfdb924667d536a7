from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from domain.notifications.wording import format_span, format_when, message_language

CITY = ZoneInfo("America/New_York")


@pytest.mark.parametrize(
    ("preferences", "language"),
    [
        (("es",), "es"),
        (("es-MX",), "es"),
        (("ES",), "es"),
        ((None, "es"), "es"),
        (("fr", "es"), "es"),
        (("en-US", "es"), "en"),
        (("fr",), "en"),
        ((None, None), "en"),
        (("",), "en"),
    ],
)
def test_the_first_language_we_write_in_wins_and_english_is_the_fallback(
    preferences: tuple[str | None, ...], language: str
) -> None:
    assert message_language(*preferences) == language


def test_dates_are_local_to_the_city_in_winter_and_summer() -> None:
    winter = datetime(2026, 11, 27, 22, 0, tzinfo=UTC)  # 17:00 EST
    summer = datetime(2026, 7, 3, 4, 30, tzinfo=UTC)  # 00:30 EDT
    assert format_when(winter, "en", CITY) == "Friday, November 27, 2026, 5:00 PM EST"
    assert format_when(winter, "es", CITY) == "viernes, 27 de noviembre de 2026, 17:00 EST"
    assert format_when(summer, "en", CITY) == "Friday, July 3, 2026, 12:30 AM EDT"
    assert format_when(summer, "es", CITY) == "viernes, 3 de julio de 2026, 00:30 EDT"


def test_noon_is_pm() -> None:
    noon = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)  # 12:00 EST
    assert format_when(noon, "en", CITY) == "Monday, March 2, 2026, 12:00 PM EST"
    assert format_when(noon, "es", CITY) == "lunes, 2 de marzo de 2026, 12:00 EST"


@pytest.mark.parametrize(
    ("span", "words"),
    [
        (timedelta(days=2, hours=3, minutes=59), "2 days 3 hours"),
        (timedelta(days=1), "1 day"),
        (timedelta(hours=5, minutes=1), "5 hours 1 minute"),
        (timedelta(minutes=12), "12 minutes"),
        (timedelta(seconds=20), "less than a minute"),
        (timedelta(minutes=-5), "less than a minute"),
    ],
)
def test_spans_read_in_days_hours_and_minutes(span: timedelta, words: str) -> None:
    assert format_span(span) == words

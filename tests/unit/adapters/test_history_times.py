"""The history import sends times as PostgreSQL counts them (microseconds since 2000 UTC)."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from adapters.db.repositories.history_writer import PG_EPOCH, TIMESTAMP, pg_time

BALTIMORE = ZoneInfo("America/New_York")


def test_times_count_microseconds_from_2000_utc() -> None:
    assert pg_time(datetime(2000, 1, 1, tzinfo=UTC)) == 0
    assert pg_time(datetime(1999, 12, 31, 19, 0, 0, 1, tzinfo=BALTIMORE)) == 1
    assert pg_time(None) is None
    assert TIMESTAMP.pack(-1) == b"\xff" * 8  # before 2000, as the binary format has it


def test_a_city_s_time_comes_back_the_same_instant_in_utc() -> None:
    for moment in (
        datetime(2014, 12, 31, 20, 30, tzinfo=BALTIMORE),  # already 2015 in UTC
        datetime(2018, 3, 11, 3, 0, 0, 999_999, tzinfo=BALTIMORE),  # daylight saving begins
        datetime(2019, 11, 3, 1, 30, fold=1, tzinfo=BALTIMORE),  # the second 1:30
    ):
        counted = pg_time(moment)
        assert counted is not None
        assert PG_EPOCH + timedelta(microseconds=counted) == moment.astimezone(UTC)

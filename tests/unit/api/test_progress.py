"""The progress bar: redrawn on a terminal, one final line anywhere else."""

import io

from api.progress import ProgressBar, render


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_line_shows_share_rows_rate_and_time_left() -> None:
    line = render("importing", 50_000, 250, 1000, 2.5)
    assert line == (
        "importing [########......................]  25%  50,000 rows  20,000 rows/s  0:08 left"
    )
    assert render("x", 0, 0, 1000, 0.0).endswith("0 rows/s  --:-- left")
    assert "1:00:00 left" in render("x", 10, 1, 2, 3600.0)
    assert "[" + "#" * 30 + "] 100%" in render("x", 10, 5, 0, 1.0)


def test_off_a_terminal_only_the_final_line_and_the_notes_are_written() -> None:
    stream, clock = io.StringIO(), Clock()
    bar = ProgressBar("importing", stream=stream, interactive=False, clock=clock)
    for done in range(1, 11):
        clock.now += 1
        bar.update(done * 100, done * 10, 100)
    bar.note("line 7: status 'Lost' is not in the mapping")
    bar.finish()
    assert stream.getvalue().splitlines() == [
        "line 7: status 'Lost' is not in the mapping",
        "importing [##############################] 100%  1,000 rows  100 rows/s  0:00 left",
    ]


def test_on_a_terminal_the_line_is_redrawn_at_most_ten_times_a_second() -> None:
    stream, clock = io.StringIO(), Clock()
    bar = ProgressBar("importing", stream=stream, interactive=True, clock=clock)
    for step in range(20):
        clock.now += 0.01 if step % 10 else 0.2
        bar.update(step, step, 20)
    drawn = stream.getvalue().count("\r\x1b[2K")
    assert drawn == 2
    bar.note("line 3: has no id")
    assert stream.getvalue().endswith("\r\x1b[2Kline 3: has no id\n\r\x1b[2K" + bar._line)
    bar.finish()
    assert stream.getvalue().endswith("\n")


def test_a_bar_counts_in_the_unit_it_is_given() -> None:
    assert "  12 tables  4 tables/s  " in render("dumping", 12, 1, 2, 3.0, unit="tables")

"""The forked preparing process: batches arrive in order, and its failures reach the importer."""

import os
from collections.abc import Callable, Iterator

import pytest

from adapters.history.preparing import PreparingFailed, prepared_in_process


class UnpicklableError(Exception):
    def __init__(self, handle: object) -> None:
        super().__init__("cannot travel")
        self.handle = handle

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("not picklable")


def _received(batches: Callable[[], Iterator[object]]) -> list[object]:
    with prepared_in_process(batches) as prepared:
        received = []
        while (batch := prepared.receive()) is not None:
            received.append(batch)
        return received


def test_batches_arrive_in_order_from_another_process() -> None:
    def batches() -> Iterator[tuple[int, int]]:
        for n in range(5):
            yield n, os.getpid()

    received = _received(batches)
    assert [n for n, _ in received] == [0, 1, 2, 3, 4]
    assert {pid for _, pid in received} != {os.getpid()}


def test_an_error_while_preparing_is_raised_by_the_receiver_after_the_batches_before_it() -> None:
    def batches() -> Iterator[int]:
        yield 1
        raise ValueError("line 7 broke the reader")

    with prepared_in_process(batches) as prepared:
        assert prepared.receive() == 1
        with pytest.raises(ValueError, match="line 7 broke the reader"):
            prepared.receive()


def test_an_error_that_cannot_be_pickled_still_says_what_it_was() -> None:
    def batches() -> Iterator[int]:
        raise UnpicklableError(object())
        yield 0

    with pytest.raises(PreparingFailed, match="UnpicklableError: cannot travel"):
        _received(batches)


def test_a_process_that_dies_ends_the_import_with_a_clear_error() -> None:
    def batches() -> Iterator[int]:
        yield 1
        os._exit(9)

    with prepared_in_process(batches) as prepared:
        assert prepared.receive() == 1
        with pytest.raises(PreparingFailed, match="ended early"):
            prepared.receive()


def test_leaving_early_stops_the_process() -> None:
    def endless() -> Iterator[bytes]:
        while True:
            yield b"x" * 100_000

    with prepared_in_process(endless) as prepared:
        assert prepared.receive() == b"x" * 100_000
    # leaving the block terminated and joined the process: nothing is left to wait for

"""Batches prepared in a process of their own, so the import uses both of a machine's cores.

Reading, translating, placing and finding the search words of a row is about 45 µs of
Python, and sending a batch to PostgreSQL is another 10: in one process they share one
interpreter lock, and a thread gave no overlap. A forked process prepares the batches and
sends them down a pipe, pickled; the importer receives one while it writes the one before.
The pipe holds little, so the preparing process waits once it is a batch ahead: memory stays
at about two batches whatever the file's size.

The process is forked after the file was opened and its header checked, so a refused file
or mapping is reported by the importer itself; the process inherits the open file and the
catalog. It ignores Ctrl-C (the importer reports the interruption and stops it).
"""

import multiprocessing
import pickle
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from typing import Any

FINISHED = "finished"
FAILED = "failed"
BATCH = "batch"


class PreparingFailed(RuntimeError):
    """The preparing process ended without finishing the file."""


class PreparedBatches:
    """The importer's end of the pipe: `receive()` answers the next batch, or None at the end."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def receive(self) -> Any:
        try:
            kind, payload = self._connection.recv()
        except EOFError:
            raise PreparingFailed("the process preparing the batches ended early") from None
        if kind == BATCH:
            return payload
        if kind == FINISHED:
            return None
        raise payload


@contextmanager
def prepared_in_process(batches: Callable[[], Iterator[Any]]) -> Iterator[PreparedBatches]:
    """Runs `batches()` in a forked process; yields the receiving end."""
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    process = context.Process(target=_send_all, args=(batches, sending), daemon=True)
    process.start()
    sending.close()
    try:
        yield PreparedBatches(receiving)
    finally:
        if process.is_alive():
            process.terminate()
        process.join()
        receiving.close()


def _send_all(batches: Callable[[], Iterator[Any]], sending: Connection) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        for batch in batches():
            sending.send((BATCH, batch))
        sending.send((FINISHED, None))
    except (BrokenPipeError, ConnectionResetError):
        return  # the importer stopped reading: it failed or was interrupted
    except Exception as error:  # handed to the importer, which raises it
        sending.send((FAILED, _sendable(error)))


def _sendable(error: Exception) -> Exception:
    """The error itself when it pickles, else one that says what it was."""
    try:
        pickle.loads(pickle.dumps(error))  # noqa: S301 - our own object, just made
    except Exception:  # any pickling failure
        return PreparingFailed(f"{type(error).__name__}: {error}")
    return error

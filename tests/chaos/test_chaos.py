"""The fault test's short form, inside `make test`: about a minute of load under every fault
on a private PostgreSQL cluster and the product's own processes (see tests/chaos/run.py).
`make chaos` runs the full form."""

from collections.abc import Callable

import pytest

from tests.chaos.faults import SHORT
from tests.chaos.run import report_text, run


@pytest.mark.chaos
def test_the_product_loses_and_duplicates_nothing_under_faults(
    record_property: Callable[[str, object], None],
) -> None:
    verdict = run(SHORT)
    record_property("chaos_counts", report_text(SHORT, verdict))
    assert not verdict.problems, verdict.problems

"""`make chaos`: the full form of the fault test (a few minutes). `python -m tests.chaos short`
runs the short form, as `make test` does."""

import sys

from tests.chaos.faults import FULL, SHORT
from tests.chaos.run import run


def main() -> int:
    profile = SHORT if sys.argv[1:2] == ["short"] else FULL
    return 1 if run(profile).problems else 0


if __name__ == "__main__":
    sys.exit(main())

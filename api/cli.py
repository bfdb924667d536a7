"""`frontdoor`: the operators' command line (the console script in pyproject.toml).

Each command lives in its own module under `api/commands/` and exposes
`register(subparsers)`, which adds its parser and sets `run` (a callable taking the parsed
arguments and returning the exit code). Commands are discovered, so adding one touches no
shared file.
"""

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Callable, Sequence

import api.commands
from adapters.acting import acting_as

Runner = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="frontdoor", description="Frontdoor 311 operations")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in pkgutil.iter_modules(api.commands.__path__):
        importlib.import_module(f"api.commands.{module.name}").register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = build_parser().parse_args(argv)
    run: Runner = arguments.run
    with acting_as(f"cli:{arguments.command}"):  # the actor of the audit trail's entries
        return run(arguments)


if __name__ == "__main__":
    sys.exit(main())

"""`frontdoor audit verify`: walk the audit trail's hash chain from its first entry.

It first seals the entries not sealed yet (those whose transactions have all ended), then
recomputes every seal: sha256(previous hash || the entry). Exit status 0 when the chain is
whole, 1 naming the first entry (`seq`) that was changed, deleted or put in after sealing.
The last line gives the head hash: write it down elsewhere, and a later run that ends on
another head for the same entries shows the chain was rewritten from there.
"""

import argparse
import asyncio
import sys

from adapters.acting import acting_as
from adapters.db.audit_chain import AuditChain, Progress, Verdict
from adapters.db.engine import make_engine
from api.command_support import progress_bar, target_database
from api.settings import Settings


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "audit",
        help="check the audit trail",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    verify = actions.add_parser("verify", help="walk the hash chain; exit 1 if it is broken")
    verify.add_argument(
        "--database-url", help="default: DATABASE_URL, else the embedded server of `make run`"
    )
    verify.set_defaults(run=run_verify)


def run_verify(args: argparse.Namespace) -> int:
    settings = Settings()
    with (
        target_database(settings, args.database_url) as url,
        progress_bar("audit verify", "entries") as progress,
    ):
        verdict = asyncio.run(_verify(url, progress))
    if not verdict.intact:
        print(
            f"audit trail broken at seq {verdict.broken_seq}: {verdict.reason}"
            f" ({verdict.checked:,} entries before it are intact)",
            file=sys.stderr,
        )
        return 1
    print(
        f"audit trail intact: {verdict.checked:,} entries sealed and checked,"
        f" {verdict.unsealed:,} not sealed yet; head {verdict.head.hex()}"
    )
    return 0


async def _verify(url: str, progress: Progress) -> Verdict:
    engine = make_engine(url, pool_size=2, max_overflow=0)
    try:
        with acting_as("cli:audit-verify"):
            return await AuditChain(engine).verify(progress)
    finally:
        await engine.dispose()

"""What a backup or restore may fail with, for a command to report in one line each."""

import asyncpg

from adapters.backup.database import TargetNotEmpty
from adapters.backup.manifest import BadBackup
from adapters.backup.processes import ToolFailed
from adapters.backup.tools import ToolMissing

FAILURES = (
    BadBackup,
    TargetNotEmpty,
    ToolFailed,
    ToolMissing,
    OSError,
    asyncpg.PostgresError,
    asyncpg.InterfaceError,
)

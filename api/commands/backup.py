"""`frontdoor backup` (`make backup`): the database and the photos, in one folder.

The folder `frontdoor-<database>-<UTC time>` holds `database.dump` (pg_dump, custom format),
`media.tar` with the photo files when FRONTDOOR_MEDIA_BACKEND=disk (with the postgres backend
they are in the dump), and `manifest.json`: the time, the server version, the alembic
revision, the counts of requests, cases and photos, and the SHA-256 of each file. The folder
appears only once complete. Exit status 0 on success, 1 when the backup failed.
"""

import argparse
import asyncio
import re
import shutil
import sys
from datetime import UTC, datetime
from pathlib import Path

from adapters.backup.connection import database_name
from adapters.backup.dump import DUMP, dump_database
from adapters.backup.failures import FAILURES
from adapters.backup.manifest import Manifest, summed
from adapters.backup.media_archive import MEDIA_TAR, archive_media
from api.command_support import progress_bar, target_database
from api.settings import MediaBackend, Settings


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "backup",
        help="back up the database and the photos into one folder",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--output",
        type=Path,
        help="where to write the folder (default: <FRONTDOOR_DATA_DIR>/backups)",
    )
    parser.add_argument(
        "--database-url", help="default: DATABASE_URL, else the embedded server of `make run`"
    )
    parser.add_argument("--media-dir", type=Path, help="default: FRONTDOOR_MEDIA_DIR")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    settings = Settings()
    output = args.output or Path(settings.data_dir) / "backups"
    media = args.media_dir or Path(settings.media_directory)
    on_disk = settings.media_backend is MediaBackend.DISK
    try:
        with target_database(settings, args.database_url) as url:
            folder = asyncio.run(take_backup(url, output, media if on_disk else None))
    except FAILURES as failed:
        print(f"backup failed: {failed}", file=sys.stderr)
        return 1
    print(f"backup written: {folder}")
    return 0


async def take_backup(url: str, output: Path, media: Path | None) -> Path:
    """Writes the backup of `url` (and of the `media` directory, unless None) under `output`."""
    at = datetime.now(UTC).replace(microsecond=0)
    name = re.sub(r"[^A-Za-z0-9_.-]", "_", database_name(url))
    folder = output / f"frontdoor-{name}-{at:%Y%m%dT%H%M%SZ}"
    partial = folder.with_name(folder.name + ".partial")
    await asyncio.to_thread(_private_folder, partial)
    try:
        await _fill(url, partial, media, at, database_name(url))
        await asyncio.to_thread(partial.rename, folder)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)  # not awaited: this runs when cancelled too
        raise
    return folder


def _private_folder(path: Path) -> None:
    """Residents' personal data: the folder is for its owner's eyes only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.mkdir(mode=0o700)


async def _fill(url: str, folder: Path, media: Path | None, at: datetime, name: str) -> None:
    with progress_bar("dumping the database", "tables") as progress:
        dumped = await dump_database(url, folder, progress)
    media_files = 0
    if media is not None:  # after the dump: every photo it names is already on disk
        with progress_bar(f"archiving {media}", "files") as progress:
            media_files = await asyncio.to_thread(
                archive_media, media, folder / MEDIA_TAR, progress
            )
    names = [DUMP, MEDIA_TAR] if media is not None else [DUMP]
    Manifest(
        created_at=at.isoformat().replace("+00:00", "Z"),
        database=name,
        server_version=dumped.facts.server_version,
        pg_dump_version=dumped.pg_dump_version,
        alembic_revision=dumped.facts.alembic_revision,
        counts=dumped.facts.counts,
        media_backend=MediaBackend.DISK if media is not None else MediaBackend.POSTGRES,
        media_files=media_files,
        files=await asyncio.to_thread(summed, folder, names),
    ).write(folder)

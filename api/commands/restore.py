"""`frontdoor restore BACKUP` (`make restore BACKUP=...`): a backup folder back into service.

First every file is checked against the SHA-256 in the backup's manifest.json; then the dump
is restored, in one transaction, into the database of --database-url, else DATABASE_URL, else
the embedded server of `make run` (created when missing). A database that already holds
tables is refused unless --force, which drops and recreates the objects of the backup.
Then the photo files (media.tar) go into FRONTDOOR_MEDIA_DIR or --media-dir, and the restored
counts are compared with the manifest's. Exit status 0 on success, 1 when the restore failed.
"""

import argparse
import asyncio
import sys
from pathlib import Path

from adapters.backup.failures import FAILURES
from adapters.backup.manifest import Manifest, verify
from adapters.backup.media_archive import MEDIA_TAR, extract_media
from adapters.backup.restore import restore_database
from api.command_support import progress_bar, target_database
from api.settings import MediaBackend, Settings


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "restore",
        help="restore a backup folder into an empty database and the media directory",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("backup", type=Path, help="the backup folder (holds manifest.json)")
    parser.add_argument(
        "--database-url", help="default: DATABASE_URL, else the embedded server of `make run`"
    )
    parser.add_argument("--media-dir", type=Path, help="default: FRONTDOOR_MEDIA_DIR")
    parser.add_argument(
        "--force", action="store_true", help="restore over a database that holds tables"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    settings = Settings()
    media = args.media_dir or Path(settings.media_directory)
    try:
        manifest = Manifest.read(args.backup)
        with progress_bar("checking the backup", "files") as progress:
            verify(args.backup, manifest, progress)
        with target_database(settings, args.database_url) as url:
            asyncio.run(_restore(url, args.backup, manifest, args.force))
        if MEDIA_TAR in manifest.files:
            with progress_bar(f"restoring the photos into {media}", "files") as progress:
                extract_media(args.backup / MEDIA_TAR, media, progress)
    except FAILURES as failed:
        print(f"restore failed: {failed}", file=sys.stderr)
        return 1
    _report(manifest, settings.media_backend, media)
    return 0


async def _restore(url: str, folder: Path, manifest: Manifest, force: bool) -> None:
    with progress_bar("restoring the database", "tables") as progress:
        await restore_database(url, folder, manifest, progress, force=force)


def _report(manifest: Manifest, backend: MediaBackend, media: Path) -> None:
    counts = ", ".join(f"{count:,} {label}" for label, count in manifest.counts.items())
    print(f"restored the backup of {manifest.created_at}: {counts}")
    if manifest.media_backend != backend:
        where = f"FRONTDOOR_MEDIA_DIR={media}" if backend is MediaBackend.POSTGRES else "the dump"
        serve = f"FRONTDOOR_MEDIA_BACKEND={manifest.media_backend}"
        print(f"note: its photos are in {where}: serve them with {serve}")

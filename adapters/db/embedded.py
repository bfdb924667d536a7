"""The embedded PostgreSQL (pgserver) that `make run` uses when DATABASE_URL is not set."""

import logging
from pathlib import Path
from typing import Any

log = logging.getLogger("frontdoor.embedded")
CLUSTER = "postgres"


def cluster_directory(data_dir: Path) -> Path:
    """Where the cluster lives: `<data_dir>/postgres`, beside the other data (photos go to
    `<data_dir>/media`), since initdb refuses a directory that is not empty. A cluster made
    in `data_dir` itself by an earlier version stays where it is."""
    if (data_dir / "PG_VERSION").exists():
        return data_dir
    return data_dir / CLUSTER


class EmbeddedPostgres:
    """Starts PostgreSQL with its cluster in `data_dir` (see cluster_directory); the data
    survives restarts."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._server: Any = None

    def start(self, database: str = "frontdoor") -> str:
        if not database.isidentifier():
            raise ValueError("the embedded database name must be a plain identifier")
        import pgserver  # imported lazily: it is only needed without DATABASE_URL

        cluster = cluster_directory(self.data_dir)
        cluster.mkdir(parents=True, exist_ok=True)
        get_server = pgserver.get_server  # type: ignore[attr-defined]
        self._server = get_server(cluster.resolve(), cleanup_mode="stop")
        query = f"SELECT 1 FROM pg_database WHERE datname = '{database}';"  # noqa: S608
        exists = self._server.psql(query)
        if "(1 row)" not in exists:
            self._server.psql(f'CREATE DATABASE "{database}";')
        uri: str = self._server.get_uri(database)
        log.info("embedded PostgreSQL is up", extra={"fields": {"data_dir": str(self.data_dir)}})
        return uri

    def stop(self) -> None:
        if self._server is not None:
            self._server.cleanup()
            self._server = None

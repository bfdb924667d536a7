"""The embedded PostgreSQL keeps its cluster in a folder of its own inside the data directory.

`make test` (and any run against DATABASE_URL) writes photos to `.data/media`; a later
`make run` on the embedded server then found `.data` not empty and initdb refused it."""

from pathlib import Path

from adapters.db.embedded import EmbeddedPostgres, cluster_directory


def test_a_new_cluster_goes_in_its_own_folder_beside_the_media(tmp_path: Path) -> None:
    (tmp_path / "media" / "e2").mkdir(parents=True)
    assert cluster_directory(tmp_path) == tmp_path / "postgres"


def test_a_cluster_made_in_the_data_directory_itself_stays_there(tmp_path: Path) -> None:
    (tmp_path / "PG_VERSION").write_text("16\n")
    assert cluster_directory(tmp_path) == tmp_path


def test_the_embedded_server_starts_where_photos_were_stored_first(tmp_path: Path) -> None:
    (tmp_path / "media" / "e2").mkdir(parents=True)
    (tmp_path / "media" / "e2" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    server = EmbeddedPostgres(tmp_path)
    try:
        assert server.start().startswith("postgresql://")
    finally:
        server.stop()
    assert (tmp_path / "postgres" / "PG_VERSION").exists()
    assert (tmp_path / "media" / "e2" / "photo.jpg").read_bytes() == b"\xff\xd8\xff"

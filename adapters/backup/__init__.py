"""Backups: pg_dump of the database in custom format, the media directory beside it, and a
manifest that lets a restore check what it was given before it writes anything."""

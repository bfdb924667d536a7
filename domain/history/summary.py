"""What an import did: rows read, imported, already there, and bad (each with its reason)."""

from dataclasses import dataclass, field

from domain.history.rows import BadRow


@dataclass
class ImportSummary:
    read: int = 0
    imported: int = 0
    bad: list[BadRow] = field(default_factory=list)
    seconds: float = 0.0
    created: list[str] = field(default_factory=list)  # catalog entries the import had to add

    @property
    def skipped_existing(self) -> int:
        """Rows whose source id was imported before (or came twice in the file)."""
        return self.read - self.imported - len(self.bad)

    @property
    def rows_per_s(self) -> float:
        return self.read / self.seconds if self.seconds > 0 else 0.0

    def lines(self) -> list[str]:
        return [
            f"read {self.read:,} rows in {self.seconds:.1f} s ({self.rows_per_s:,.0f} rows/s)",
            f"imported {self.imported:,}",
            f"skipped (already imported) {self.skipped_existing:,}",
            f"bad {len(self.bad):,}",
        ]

"""Where the shared public data lives: ../shared/data beside the repository (CI too)."""

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("FRONTDOOR_SHARED_DATA", REPO.parent / "shared" / "data"))

"""Write openapi/openapi.json from the app (`make openapi`). A test fails when it drifts."""

import json
import sys
from pathlib import Path

from api.app import create_app
from api.settings import Settings

TARGET = Path(__file__).with_name("openapi.json")


def render() -> str:
    app = create_app(Settings(database_url="postgresql://unused/unused"))
    return json.dumps(app.openapi(), indent=2, sort_keys=False, ensure_ascii=False) + "\n"


def main() -> int:
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

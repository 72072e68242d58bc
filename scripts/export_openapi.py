"""Write the mock backend's OpenAPI document to docs/openapi.json (the committed contract).

Run after a deliberate API change: `python scripts/export_openapi.py`. A test fails while the
committed file and the served document differ.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cesec_desktop.mockserver.app import create_app  # noqa: E402
from cesec_desktop.mockserver.config import ServerConfig  # noqa: E402

TARGET = ROOT / "docs" / "openapi.json"


def render() -> str:
    app = create_app(ServerConfig(db_path=":memory:", simulate=False, history_size=0))
    return json.dumps(app.openapi(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> int:
    TARGET.parent.mkdir(exist_ok=True)
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Regenerate docs/openapi.json from the lookup handler's routes and models (a unit test keeps them equal)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGET = REPO / "docs" / "openapi.json"


def generate() -> str:
    sys.path.insert(0, str(REPO / "functions"))
    from newsdrop.handlers.lookup import openapi_document

    return openapi_document()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 if docs/openapi.json is out of date")
    args = parser.parse_args()
    document = generate()
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != document:
            print(f"{TARGET.relative_to(REPO)} is stale: run python tools/gen_openapi.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(document, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

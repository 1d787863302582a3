#!/usr/bin/env python3
"""Write the JSON Schemas of clause-pack files (services, providers, categories) to
resources/schema/, generated from the validation types in editor/core/schema.py.

Run after changing those types: .venv/bin/python scripts/pack_schema.py
(tests/core/test_pack_schema.py fails while the shipped files are out of date.)
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from editor.core.packschema import json_schemas  # noqa: E402


def main() -> None:
    folder = ROOT / "resources" / "schema"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in json_schemas().items():
        (folder / name).write_text(text, encoding="utf-8")
        print(folder / name)


if __name__ == "__main__":
    main()

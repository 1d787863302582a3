"""One place that finds the bundled data folders (clause_packs/, resources/).

Three layouts must work: the source tree (folders at the repository top), an installed wheel
(folders copied into ``editor/_data``) and a PyInstaller bundle (folders next to the
executable's unpacked files, ``sys._MEIPASS``).
"""
from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_root(name: str) -> Path:
    """Return the folder ``name`` ("clause_packs" or "resources")."""
    candidates = [_PACKAGE / "_data" / name, _PACKAGE.parent / name]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen) / name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bundled data folder {name!r} is missing (looked in {', '.join(map(str, candidates))})")


def clause_packs_dir() -> Path:
    return data_root("clause_packs")


def resource(*parts: str) -> Path:
    return data_root("resources").joinpath(*parts)

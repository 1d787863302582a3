"""The one golden-file comparison of the test suite.

A golden file holds what a writer made of a document, reviewed once by a person. The test
compares the fresh output with it; any difference fails with a diff. A golden file that does
not exist fails too — a missing file must never turn into a pass. Only UPDATE_GOLDEN=1 writes
the files (then review `git diff tests/golden`: it is the change a lawyer would see).

Callers hand in text that is already normalised: our own static resources (stylesheet, Word
styles and numbering definitions) and volatile values are left out by the format's test, so
that a colour tweak does not touch the golden files while every change of policy text does.
"""
from __future__ import annotations

import difflib
import os
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden"
_DIFF_LINES = 60


def updating() -> bool:
    return os.environ.get("UPDATE_GOLDEN") == "1"


def _diff(expected: str, actual: str, name: str) -> str:
    lines = list(difflib.unified_diff(expected.splitlines(), actual.splitlines(), f"golden/{name}", "actual",
                                      lineterm="", n=2))
    more = f"\n… {len(lines) - _DIFF_LINES} more diff lines" if len(lines) > _DIFF_LINES else ""
    return "\n".join(lines[:_DIFF_LINES]) + more


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def check_golden(name: str, actual: str) -> None:
    """Compare `actual` with tests/golden/<name>; UPDATE_GOLDEN=1 writes the file first."""
    if updating():
        _write(GOLDEN / name, actual)
    compare_golden(name, actual)


def compare_golden(name: str, actual: str) -> None:
    """Compare `actual` with tests/golden/<name>, never writing (also under UPDATE_GOLDEN=1)."""
    path = GOLDEN / name
    if not path.is_file():
        raise AssertionError(f"golden file tests/golden/{name} is missing: write it with UPDATE_GOLDEN=1 and review it")
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        raise AssertionError(f"{name} differs from the golden file (UPDATE_GOLDEN=1 to accept after review):\n"
                             + _diff(expected, actual, name))


def check_golden_folder(folder: str, parts: dict[str, str]) -> None:
    """Compare a set of parts with tests/golden/<folder>/ (UPDATE_GOLDEN=1 rewrites the folder)."""
    root = GOLDEN / folder
    if updating():
        root.mkdir(parents=True, exist_ok=True)
        for stale in root.iterdir():
            if stale.is_file() and stale.name not in parts:
                stale.unlink()
        for name, text in parts.items():
            _write(root / name, text)
    compare_golden_folder(folder, parts)


def compare_golden_folder(folder: str, parts: dict[str, str]) -> None:
    """Exactly these files in tests/golden/<folder>/, each equal to its part; never writes."""
    root = GOLDEN / folder
    present = sorted(p.name for p in root.iterdir() if p.is_file()) if root.is_dir() else []
    if present != sorted(parts):
        raise AssertionError(f"tests/golden/{folder}: missing {sorted(set(parts) - set(present))}, "
                             f"unexpected {sorted(set(present) - set(parts))} (UPDATE_GOLDEN=1 after review)")
    for name, text in parts.items():
        compare_golden(f"{folder}/{name}", text)

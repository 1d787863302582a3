"""External programs some tests open their output with: LibreOffice and poppler.

Where they are missing on a developer's machine those tests skip. Where the machine was set up
for them — CI=true, or the project's CI run (.ci/run sets POLICY_EDITOR_EXPECT_INSTALLED=1 after
scripts/bootstrap.sh installed them) — a missing program fails the test: an export check that
silently skips in CI checks nothing.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REQUIRED = os.environ.get("CI") == "true" or os.environ.get("POLICY_EDITOR_EXPECT_INSTALLED") == "1"
DRAW_LIBRARIES = ("/usr/lib/libreoffice/program/libsdlo.so", "/usr/lib64/libreoffice/program/libsdlo.so")


def missing(what: str) -> None:
    """Skip, or fail where the tools are required."""
    message = f"{what} is not installed (scripts/bootstrap.sh installs it)"
    if REQUIRED:
        pytest.fail(message)
    pytest.skip(message)


def tool(name: str) -> str:
    """The path of a program on PATH, or skip/fail as above."""
    found = shutil.which(name)
    if found is None:
        missing(name)
    return found


def libreoffice_draw() -> str:
    """soffice with the Draw module, which imports PDF files."""
    soffice = tool("soffice")
    if not any(Path(p).exists() for p in DRAW_LIBRARIES):
        missing("LibreOffice Draw (PDF import)")
    return soffice

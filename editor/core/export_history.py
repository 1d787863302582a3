"""The one way an export is noted in the project's export history (Project.export_history),
for the CLI (``export --record``) and the GUI's export dialog alike.

The record names the format as the writer registry does (editor.export.WRITERS: "docx", "html",
"md", "txt", "pdf"), and "fragment" for an HTML fragment: a fragment is not the page, and an
agency's "what changed since the last export" must tell them apart. (Before, the GUI wrote
"fragment" and the CLI "html" for the same file.)
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import os

from .project import ExportRecord

FRAGMENT = "fragment"


def export_format(fmt: str, fragment: bool = False) -> str:
    """The history's name for an export in ``fmt`` (with ``fragment`` for an HTML fragment)."""
    return FRAGMENT if fragment else fmt


def record_export(path: str | os.PathLike[str], fmt: str, language: str, *, fragment: bool = False,
                  when: _dt.datetime | None = None) -> ExportRecord:
    """The history entry for the file just written at ``path``: date (local time, seconds),
    format, document language, path and the SHA-256 of the file's bytes."""
    with open(path, "rb") as handle:
        digest = hashlib.sha256(handle.read()).hexdigest()
    stamp = (when or _dt.datetime.now()).isoformat(timespec="seconds")
    return ExportRecord(date=stamp, format=export_format(fmt, fragment), language=language, path=str(path), sha256=digest)

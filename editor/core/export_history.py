"""The one way an export is noted in the project's export history (Project.export_history),
for the CLI (``export --record``) and the GUI's export dialog alike.

The record names the format as the writer registry does (editor.export.WRITERS: "docx", "html",
"md", "txt", "pdf"), and "fragment" for an HTML fragment: a fragment is not the page, and an
agency's "what changed since the last export" must tell them apart. (Before, the GUI wrote
"fragment" and the CLI "html" for the same file.)

The path is kept relative to the project file's folder ("exports/policy-de.html"), so a project
file that is shared or kept in git names no one's local folders. Records written before that
hold absolute paths; they are read as they are (``resolved_path``), no migration needed.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import os
from pathlib import Path, PurePosixPath

import msgspec

from .project import ExportRecord

FRAGMENT = "fragment"


def export_format(fmt: str, fragment: bool = False) -> str:
    """The history's name for an export in ``fmt`` (with ``fragment`` for an HTML fragment)."""
    return FRAGMENT if fragment else fmt


def stored_path(path: str | os.PathLike[str], project_file: str | os.PathLike[str] | None) -> str:
    """``path`` as a record keeps it: relative to the folder of ``project_file``, with "/" on
    every system; absolute only without a project file or where no relative way leads (another
    drive on Windows)."""
    absolute = Path(os.path.abspath(path))
    if project_file is None:
        return str(absolute)
    folder = Path(os.path.abspath(project_file)).parent
    try:
        return PurePosixPath(*Path(os.path.relpath(absolute, folder)).parts).as_posix()
    except ValueError:  # another drive
        return str(absolute)


def resolved_path(record: ExportRecord, project_file: str | os.PathLike[str] | None) -> Path:
    """Where the file of ``record`` is: a relative path from the project file's folder, an
    absolute one (records from before paths were kept relative) as it is."""
    path = Path(record.path)
    if path.is_absolute() or project_file is None:
        return path
    return Path(os.path.abspath(project_file)).parent / path


def rebased(records: list[ExportRecord], old_file: str | os.PathLike[str] | None,
            new_file: str | os.PathLike[str]) -> list[ExportRecord]:
    """The records of a project that moves from ``old_file`` (None: never saved) to
    ``new_file``, their paths relative to the new place."""
    moved = []
    for record in records:
        where = resolved_path(record, old_file)
        moved.append(msgspec.structs.replace(record, path=stored_path(where, new_file)) if where.is_absolute() else record)
    return moved


def record_export(path: str | os.PathLike[str], fmt: str, language: str, *, fragment: bool = False,
                  when: _dt.datetime | None = None,
                  project_file: str | os.PathLike[str] | None = None) -> ExportRecord:
    """The history entry for the file just written at ``path``: date (local time, seconds),
    format, document language, path (relative to ``project_file``, see ``stored_path``) and
    the SHA-256 of the file's bytes."""
    with open(path, "rb") as handle:
        digest = hashlib.sha256(handle.read()).hexdigest()
    stamp = (when or _dt.datetime.now()).isoformat(timespec="seconds")
    return ExportRecord(date=stamp, format=export_format(fmt, fragment), language=language,
                        path=stored_path(path, project_file), sha256=digest)

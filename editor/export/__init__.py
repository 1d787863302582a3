"""Writers: Document → file. Every writer reads the one document model (editor.core.document).

``export(document, path, fmt, fragment=False, review=False)`` is the single entry point the CLI
and the GUI use. Text formats also offer ``render(document, ...) -> str``.
"""
from __future__ import annotations

from pathlib import Path

from ..core.document import Document

FORMATS = ("docx", "html", "md", "txt", "pdf")
SUFFIXES = {".docx": "docx", ".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".txt": "txt", ".pdf": "pdf"}


class ExportError(Exception):
    """Writing failed; the message is meant for the user as it is."""


def format_for(path: Path, explicit: str | None = None) -> str:
    if explicit:
        if explicit not in FORMATS:
            raise ExportError(f"Unknown format '{explicit}'. Use one of: {', '.join(FORMATS)}.")
        return explicit
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise ExportError(f"Cannot tell the format from '{path.name}'. Add --format ({', '.join(FORMATS)}) or use a suffix such as .docx or .html.")
    return fmt


def export(document: Document, path: Path, fmt: str, *, fragment: bool = False, review: bool = False) -> None:
    """Write ``document`` to ``path`` in ``fmt``. Imports each writer only when needed (Qt for PDF)."""
    path = Path(path)
    try:
        if fmt == "docx":
            from . import docx as writer

            writer.write(document, path, review=review)
        elif fmt == "html":
            from . import html as writer

            writer.write(document, path, fragment=fragment)
        elif fmt == "md":
            from . import markdown as writer

            writer.write(document, path)
        elif fmt == "txt":
            from . import text as writer

            writer.write(document, path)
        elif fmt == "pdf":
            from . import pdf as writer

            writer.write(document, path)
        else:
            raise ExportError(f"Unknown format '{fmt}'.")
    except OSError as exc:
        raise ExportError(f"Could not write {path}: {exc.strerror or exc}.") from None

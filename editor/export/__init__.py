"""Writers: Document → file. Every writer reads the one document model (editor.core.document).

The writers form one family, listed in ``WRITERS`` (the registry): each entry names the format
id, the file suffixes, the options the writer accepts (``fragment``, ``review``) and the module
that implements it. A writer module provides::

    to_bytes(document, **options) -> bytes     # the whole file, nothing written yet
    write(document, path, **options) -> None   # to_bytes + write_file (atomic)

Text formats also offer ``render(document, ...) -> str``. ``export(document, path, fmt,
**options)`` is the single entry point the CLI and the GUI use; their format lists come from
``WRITERS``. The registry holds the declarations itself, so listing formats imports no writer
(python-docx, jinja2 or Qt cost 0.1–0.2 s each to import). Every file is written through
``write_file``: a temporary file renamed over the target (editor.core.atomic), so a crash, a
full disk or a writer bug never leaves a half-written export or an old file destroyed.
"""
from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any, Protocol

import msgspec

from ..core.document import Document
from ..core.export_history import export_format

OPTIONS = ("fragment", "review", "no_title", "stylesheet")  # every option some writer accepts


class ExportError(Exception):
    """Writing failed; the message is meant for the user as it is."""


class WriterModule(Protocol):
    """What a writer module provides (see the module docstring)."""

    def to_bytes(self, document: Document, **options: Any) -> bytes: ...

    def write(self, document: Document, path: Path, **options: Any) -> None: ...


class Writer(msgspec.Struct, frozen=True):  # Structs: dataclasses cost ~1 ms of every start
    """One registered writer: its declaration, and its module loaded on first use."""

    id: str  # the format id ("docx"), also --format on the command line
    name: str  # shown in format lists: "Word (DOCX)"
    suffixes: tuple[str, ...]  # file-name suffixes, the first is the default
    module: str  # module under editor.export that implements WriterModule
    options: frozenset[str] = frozenset()  # which of OPTIONS the writer accepts
    gui_thread: bool = False  # lays out with Qt: must run in the thread that owns the QApplication

    @property
    def suffix(self) -> str:
        return self.suffixes[0]

    def load(self) -> WriterModule:
        return importlib.import_module(f"{__name__}.{self.module}")  # type: ignore[return-value]


WRITERS: tuple[Writer, ...] = (
    Writer("docx", "Word (DOCX)", (".docx",), "docx", frozenset({"review"})),
    Writer("html", "HTML", (".html", ".htm"), "html", frozenset({"fragment", "no_title", "stylesheet"})),
    Writer("md", "Markdown", (".md", ".markdown"), "markdown"),
    Writer("txt", "Text", (".txt",), "text"),
    Writer("pdf", "PDF", (".pdf",), "pdf", gui_thread=True),
)
_BY_ID = {w.id: w for w in WRITERS}
FORMATS = tuple(_BY_ID)  # ("docx", "html", "md", "txt", "pdf")
SUFFIXES = {suffix: w.id for w in WRITERS for suffix in w.suffixes}


class Choice(msgspec.Struct, frozen=True):
    """One entry of a format list (GUI export dialog): a writer with fixed options."""

    key: str  # "docx", "html", "fragment", … — also the export history's format name
    format: str  # the writer's id
    options: tuple[tuple[str, Any], ...]
    file_suffix: str  # ending of the file name: ".docx", "-fragment.html"


def choices() -> tuple[Choice, ...]:
    """What a format list offers: every writer, and the HTML fragment next to the page."""
    out = []
    for w in WRITERS:
        out.append(Choice(w.id, w.id, (), w.suffix))
        if "fragment" in w.options:
            out.append(Choice(export_format(w.id, fragment=True), w.id, (("fragment", True),), "-fragment" + w.suffix))
    return tuple(out)


def writer(fmt: str) -> Writer:
    try:
        return _BY_ID[fmt]
    except KeyError:
        raise ExportError(f"Unknown format '{fmt}'. Use one of: {', '.join(FORMATS)}.") from None


def format_for(path: Path, explicit: str | None = None) -> str:
    if explicit:
        return writer(explicit).id
    fmt = SUFFIXES.get(Path(path).suffix.lower())
    if fmt is None:
        raise ExportError(f"Cannot tell the format from '{Path(path).name}'. Add --format ({', '.join(FORMATS)}) or use a suffix such as .docx or .html.")
    return fmt


def check_options(fmt: str, **options: Any) -> dict[str, Any]:
    """The options ``fmt`` takes, from ``options``; a set option the writer does not take is an error."""
    spec = writer(fmt)
    for name, value in options.items():
        if name not in OPTIONS:
            raise ExportError(f"Unknown export option '{name}'.")
        if value and name not in spec.options:
            takers = " or ".join(w.name for w in WRITERS if name in w.options)
            raise ExportError(f"--{name.replace('_', '-')} works only with the {takers} format.")
    return {name: value for name, value in options.items() if name in spec.options}


def write_file(path: Path, data: bytes) -> None:
    """The one way an export reaches the disk: atomically (old file or new file, never a mix)."""
    from ..core.atomic import write_atomic

    write_atomic(path, data)


def export(document: Document, path: Path, fmt: str, **options: Any) -> None:
    """Write ``document`` to ``path`` in ``fmt`` with the writer's ``options`` (fragment, review).

    Imports the writer only when needed (Qt for PDF). Failures to write become ExportError."""
    path = Path(path)
    chosen = check_options(fmt, **options)
    try:
        data = writer(fmt).load().to_bytes(document, **chosen)
        write_file(path, data)
    except OSError as exc:
        raise ExportError(f"Could not write {path}: {exc.strerror or exc}.") from None

"""The one Qt document builder: Document → QTextDocument, for the live preview and the PDF.

The document is cut into *units* — the title block, the table of contents, and one unit per
section heading with the section's own blocks (a category section's subsections are units of
their own) — each written as simple Qt rich-text HTML. The preview (editor.gui.preview) keeps
the units at known character ranges and replaces only those that changed; the PDF writer
(editor.export.pdf) fills a fresh QTextDocument with all units through the same ``fill``. So
the preview shows exactly what the PDF prints, and there is one Qt-HTML generator to maintain.

Building the HTML is plain Python; Qt is imported only by the functions that touch a
QTextDocument, so importing this module (and editor.export.pdf) does not load PySide6.
All text is escaped here; nothing from a pack or the user reaches Qt unescaped.
"""
from __future__ import annotations

import re
from html import escape
from typing import Any

import msgspec

from ..core.document import Box, BulletList, Document, Heading, Paragraph, Run, Section, Table, draft_notice
from .text import display_number, stand_line

TITLE_ID = "__title__"
CONTENTS_ID = "__contents__"
FIXED_IDS = frozenset({TITLE_ID, CONTENTS_ID})  # units that are not a section of the policy

MUTED_STYLE = "color:#59636e;"
PLACEHOLDER_STYLE = "background-color:#ffe58a; color:#4a3b00; font-weight:600;"
BOX_STYLE = "background-color:#eef4fb; border-color:#7aa5d6; border-style:solid; margin-top:6px; margin-bottom:10px;"
TABLE_STYLE = "border-color:#c8ced6; border-style:solid; border-collapse:collapse; margin-bottom:10px;"
TOC_ENTRY_STYLE = "margin-bottom:2px;"
STYLE_SHEET = """
h1 { font-size: 20pt; font-weight: 600; color: #1f2328; margin-top: 0; margin-bottom: 4px; }
h2 { font-size: 14pt; font-weight: 600; color: #1f2328; margin-top: 20px; margin-bottom: 6px; }
h3 { font-size: 12pt; font-weight: 600; color: #1f2328; margin-top: 14px; margin-bottom: 4px; }
h4, h5, h6 { font-size: 10.5pt; font-weight: 600; margin-top: 10px; margin-bottom: 3px; }
p, li { line-height: 135%; }
p { margin-top: 0; margin-bottom: 7px; }
ul, ol { margin-top: 0; margin-bottom: 7px; }
a { color: #0b5cad; }
th { background-color: #eef0f3; font-weight: 600; }
"""


class Unit(msgspec.Struct, frozen=True):  # a Struct: a dataclass cost ~0.8 ms of every start
    """What one heading + its blocks shows; compared with == to find what changed."""

    id: str
    level: int  # heading level: 1 title, 2 section, 3 subsection …
    number: str
    title: str
    blocks: tuple
    service: str | None = None
    subtitle: str = ""  # a line under the heading (the company, under the title)
    note: str = ""  # a muted line under that (the "Stand")

    def same_body(self, other: "Unit") -> bool:
        return ((self.level, self.title, self.blocks, self.subtitle, self.note)
                == (other.level, other.title, other.blocks, other.subtitle, other.note))

    def heading_text(self) -> str:
        return f"{self.number} {self.title}" if self.number else self.title


def contents_lines(document: Document) -> tuple[str, ...]:
    """The lines of the table of contents: number and title of every section."""
    return tuple(f"{display_number(s)} {' '.join(s.title.split())}" for s in document.sections)


def contents_unit(document: Document, lines: tuple[str, ...]) -> Unit:
    return Unit(CONTENTS_ID, 3, "", document.label("contents"), tuple(Paragraph((Run(line),)) for line in lines))


def units(document: Document, contents: Unit | None = None, known: dict[int, tuple] | None = None) -> list[Unit]:
    """The document as units, in reading order: title, contents, then every section.

    ``contents``: the table of contents built before from this document's ``contents_lines``
    (the preview keeps it: building four hundred entries again on every keystroke, and
    comparing them with the old ones, cost more than the edit).
    ``known``: the units of the sections of the last call, by section identity; updated to this
    document's. compose() hands out the same Section object while nothing it shows changed,
    so the preview gets the same Unit objects and compares them by identity."""
    notice = draft_notice(document)  # a draft's open errors, under the title
    out = [Unit(TITLE_ID, 1, "", document.title, (notice,) if notice else (), None, document.company, stand_line(document))]
    if document.sections:
        out.append(contents or contents_unit(document, contents_lines(document)))
    seen = {}
    for section in document.sections:
        found = known.get(id(section)) if known is not None else None
        if found is None or found[0] is not section:
            found = (section, section_units(section))
        seen[id(section)] = found  # the section is kept with its units: its id stays its own
        out += found[1]
    if known is not None:
        known.clear()
        known.update(seen)
    return out


def section_units(section: Section) -> tuple[Unit, ...]:
    """A section's unit, then its subsections' units."""
    out = []

    def add(section: Section) -> None:
        service = section.provenance.service if section.provenance else None
        out.append(Unit(section.id, min(section.level + 1, 4), display_number(section), section.title, section.blocks, service))
        for sub in section.subsections:
            add(sub)

    add(section)
    return tuple(out)


_SPECIAL = re.compile("[&<>\"'\n]")  # what escape() and the line breaks change: most runs have none


def text_html(text: str) -> str:
    return escape(text).replace("\n", "<br>") if _SPECIAL.search(text) else text


def runs_html(runs: tuple[Run, ...]) -> str:
    parts = []
    for run in runs:
        text = text_html(run.text)
        if run.bold:
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>"
        if run.link:
            text = f'<a href="{escape(run.link, quote=True)}">{text}</a>'
        if run.placeholder:
            text = f'<span style="{PLACEHOLDER_STYLE}">{text}</span>'
        parts.append(text)
    return "".join(parts)


def block_html(block) -> str:
    if isinstance(block, Paragraph):
        return f"<p>{runs_html(block.runs)}</p>"
    if isinstance(block, Heading):
        return f"<p><b>{runs_html(block.runs)}</b></p>"
    if isinstance(block, BulletList):
        tag = "ol" if block.ordered else "ul"
        items = "".join(f"<li>{runs_html(item)}</li>" for item in block.items)
        return f"<{tag}>{items}</{tag}>"
    if isinstance(block, Table):
        head = "".join(f"<th align='left'>{runs_html(cell)}</th>" for cell in block.header)
        rows = "".join("<tr>" + "".join(f"<td>{runs_html(cell)}</td>" for cell in row) + "</tr>" for row in block.rows)
        return (f"<table border='1' cellspacing='0' cellpadding='5' width='100%' style='{TABLE_STYLE}'>"
                f"{f'<tr>{head}</tr>' if head else ''}{rows}</table>")
    if isinstance(block, Box):  # QTextDocument draws borders and backgrounds on table cells, not on divs
        inner = "".join(block_html(b) for b in block.blocks)
        return (f"<table border='1' cellspacing='0' cellpadding='10' width='100%' style='{BOX_STYLE}'>"
                f"<tr><td>{inner}</td></tr></table>")
    return ""  # unknown block kinds from a newer core: show nothing rather than crash


def inline_html(block) -> str | None:
    """A Paragraph's or Heading's HTML inside its one text block (without the <p>), for
    rewriting that block alone; None for other kinds."""
    if isinstance(block, Paragraph):
        return runs_html(block.runs)
    if isinstance(block, Heading):
        return f"<b>{runs_html(block.runs)}</b>"
    return None


def plain_text(block) -> str:
    """What QTextBlock.text() holds for a Paragraph or Heading (<br> is a line separator)."""
    return "".join(r.text for r in block.runs).replace("\n", "\u2028")


def text_block_count(block) -> int | None:
    """How many text blocks ``block`` becomes in the document (None: tables and boxes, whose
    cells are blocks of a frame)."""
    if isinstance(block, (Paragraph, Heading)):
        return 1
    if isinstance(block, BulletList):
        return len(block.items)
    return None


def head_block_count(unit: Unit) -> int:
    """The text blocks before the unit's first block: the heading, subtitle and note."""
    return 1 + bool(unit.subtitle) + bool(unit.note)


def unit_html(unit: Unit) -> str:
    level = unit.level
    head = f"<h{level}>{escape(unit.heading_text())}</h{level}>"
    if unit.subtitle:
        head += f"<p style='font-size:11pt; margin-bottom:0'>{escape(unit.subtitle)}</p>"
    if unit.note:
        head += f"<p style='{MUTED_STYLE} margin-bottom:14px'>{escape(unit.note)}</p>"
    if unit.id == CONTENTS_ID:  # the table of contents: one tight line per section
        return head + "".join(f"<p style='{TOC_ENTRY_STYLE}'>{runs_html(b.runs)}</p>" for b in unit.blocks)
    return head + "".join(block_html(b) for b in unit.blocks)


# ---------------------------------------------------------------------------------------------
# Qt: the QTextDocument side (PySide6 imported here only)


def prepare(qdoc: Any) -> None:
    """Settings every document of ours needs: no undo stack (a read-only view and a one-shot
    print need none), our style sheet for the HTML inserted next."""
    qdoc.setUndoRedoEnabled(False)
    qdoc.setDefaultStyleSheet(STYLE_SHEET)


class HeadingFormats:
    """Heading block/char formats as Qt derives them from <hN>, parsed once per level.

    insertHtml() forgets the heading's block format when the heading merges into the block the
    cursor is in, so every unit gets its heading format re-applied after the insert."""

    def __init__(self) -> None:
        self._cache: dict[int, tuple[Any, Any]] = {}

    def get(self, level: int) -> tuple[Any, Any]:
        if level not in self._cache:
            from PySide6.QtGui import QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument

            scratch = QTextDocument()
            scratch.setDefaultStyleSheet(STYLE_SHEET)
            scratch.setHtml(f"<h{level}>x</h{level}>")
            block = scratch.firstBlock()
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)
            self._cache[level] = (QTextBlockFormat(block.blockFormat()), QTextCharFormat(cursor.charFormat()))
        return self._cache[level]


def insert_unit(qdoc: Any, cursor: Any, start: int, unit: Unit, formats: HeadingFormats) -> int:
    """Insert the unit's HTML at ``start`` (an empty block), fix the heading format; returns
    the position after the unit."""
    from PySide6.QtGui import QTextCursor

    cursor.setPosition(start)
    cursor.insertHtml(unit_html(unit))
    end = cursor.position()
    block = qdoc.findBlock(start)
    text_list = block.textList()
    if text_list is not None:
        text_list.remove(block)
    block_format, char_format = formats.get(unit.level)
    heading = QTextCursor(block)
    heading.setBlockFormat(block_format)
    heading.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    heading.setCharFormat(char_format)
    return end


def append_unit(qdoc: Any, cursor: Any, unit: Unit, formats: HeadingFormats, first: bool) -> tuple[int, int]:
    """Add the unit at the end (after a new empty block unless it is the first); (start, end)."""
    from PySide6.QtGui import QTextBlockFormat, QTextCharFormat, QTextCursor

    cursor.movePosition(QTextCursor.MoveOperation.End)
    if not first:
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
    start = cursor.position()
    return start, insert_unit(qdoc, cursor, start, unit, formats)


def fill(qdoc: Any, new: list[Unit], formats: HeadingFormats) -> list[tuple[int, int]]:
    """Replace the content of ``qdoc`` by ``new``; the (start, end) range of every unit.

    One setHtml() of all units: Qt parses it in one pass and lays it out lazily, ~8× faster
    than inserting unit by unit (each insert's edit and the synchronous layout of a 300 KB
    document). Every unit starts with its heading, the only blocks with a heading level, so the
    ranges are read back from the blocks; should they not add up, the units go in one by one."""
    qdoc.setHtml(units_html(new))
    ranges = unit_ranges(qdoc, len(new))
    return ranges if ranges is not None else fill_by_units(qdoc, new, formats)


def units_html(new: list[Unit]) -> str:
    return "".join(unit_html(unit) for unit in new)


def unit_ranges(qdoc: Any, count: int) -> list[tuple[int, int]] | None:
    """The (start, end) of each of ``count`` units in a document set from ``units_html``, or
    None when its heading blocks do not match them."""
    starts = []
    levels: dict[int, int] = {}  # block format index → heading level: a format object per block cost ~1 ms
    block = qdoc.firstBlock()
    while block.isValid():
        index = block.blockFormatIndex()
        level = levels.get(index)
        if level is None:
            level = levels[index] = block.blockFormat().headingLevel()
        if level:
            starts.append(block.position())
        block = block.next()
    if len(starts) != count or (starts and starts[0] != 0):
        return None
    ends = [start - 1 for start in starts[1:]] + [qdoc.characterCount() - 1]
    return list(zip(starts, ends))


def fill_by_units(qdoc: Any, new: list[Unit], formats: HeadingFormats) -> list[tuple[int, int]]:
    """``fill`` the slow way, one insert per unit (a fallback that cannot miscount)."""
    from PySide6.QtGui import QTextCursor

    qdoc.clear()
    cursor = QTextCursor(qdoc)
    cursor.beginEditBlock()  # the layout runs once for all inserts
    try:
        return [append_unit(qdoc, cursor, unit, formats, n == 0) for n, unit in enumerate(new)]
    finally:
        cursor.endEditBlock()


def build(document: Document, qdoc: Any = None, formats: HeadingFormats | None = None) -> Any:
    """The whole Document as a QTextDocument, exactly as the preview shows it (needs a
    QGuiApplication). Pass ``qdoc`` to fill one that has its font and paint device set."""
    if qdoc is None:
        from PySide6.QtGui import QTextDocument

        qdoc = QTextDocument()
    prepare(qdoc)
    fill(qdoc, units(document), formats or HeadingFormats())
    return qdoc

"""The live preview: a read-only QTextBrowser that re-renders only the units that changed.

setHtml() would reset the scroll position and lay out the whole document (~50 ms for 300 KB);
instead each unit (heading + blocks) lives at a known character range and is replaced through
a QTextCursor. insertHtml() forgets the heading's block format when it merges into the
existing block, so headings get their format re-applied after every insert.
"""
from __future__ import annotations

import bisect

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser

from ..core.document import Document
from ..export import qtdoc
from ..export.qtdoc import FIXED_IDS, Unit, units


class _Drifted(Exception):
    """The document no longer matches the units' positions: render it in full."""


class Preview(QTextBrowser):
    """Shows a Document; ``show_document`` works out and applies the smallest change."""

    sectionClicked = Signal(str, str)  # section id, service id ("" for fixed sections)

    def __init__(self, stand_label: str = "", parent=None) -> None:
        """``stand_label`` is no longer used: the "Stand" wording comes with the Document."""
        super().__init__(parent)
        self.setReadOnly(True)
        self.setOpenLinks(False)  # offline app: links in the policy are not followed on click
        self.setOpenExternalLinks(False)
        # one Tab stop, not one per link (26 in a shop's policy): Tab leaves the preview, the arrow
        # and page keys scroll it
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard
                                     | Qt.TextInteractionFlag.LinksAccessibleByMouse)
        # the text wraps at the view's width; after the columns were re-shared the layout can be
        # one pixel wider than the view, which showed a useless horizontal scroll bar
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        doc = self.document()
        qtdoc.prepare(doc)  # the same settings and style sheet as the PDF's document
        doc.setDocumentMargin(16)
        self._formats = qtdoc.HeadingFormats()
        self._units: list[Unit] = []
        self._starts: list[int] = []  # start position of each unit
        self._ends: list[int] = []  # end position (exclusive of the separator to the next unit)
        self._contents: tuple[tuple, Unit | None] = ((), None)  # (label and lines, the unit) last shown
        self._section_units: dict[int, tuple] = {}  # qtdoc.units' memo: the units of the sections last shown
        self.replaced = 0  # units written by the last update (tests and benchmarks read this)

    # ------------------------------------------------------------------ public
    def clear_document(self) -> None:
        self.document().clear()
        self._units, self._starts, self._ends = [], [], []

    def show_document(self, document: Document) -> int:
        """Bring the view in line with ``document``; returns how many units were (re)written."""
        new = units(document, self._contents_of(document), self._section_units)
        bar = self.verticalScrollBar()
        scroll = bar.value()
        old_ids = [u.id for u in self._units]
        new_ids = {u.id for u in new}
        common_old = [i for i in old_ids if i in new_ids]
        old_set = set(old_ids)
        common_new = [u.id for u in new if u.id in old_set]
        if not self._units or common_old != common_new or len(new) > 2 * len(self._units) + 8:
            count = self._full(new)
        else:
            # one edit block: the layout runs once for all cursor operations, not after each (~4× faster)
            batch = QTextCursor(self.document())
            batch.beginEditBlock()
            try:
                count = self._incremental(new)
            except _Drifted:
                count = -1
            finally:
                batch.endEditBlock()
            if count < 0 or self._ends[-1] != self.document().characterCount() - 1:
                count = self._full(new)  # positions drifted (should not happen): start over
        bar.setValue(scroll)
        self.replaced = count
        return count

    def _contents_of(self, document: Document) -> Unit | None:
        """The table of contents' unit, the same object as last time while its lines stay."""
        if not document.sections:
            return None
        lines = qtdoc.contents_lines(document)
        key = (document.label("contents"), lines)
        if key != self._contents[0]:
            self._contents = (key, qtdoc.contents_unit(document, lines))
        return self._contents[1]

    def unit_at(self, position: int) -> Unit | None:
        index = bisect.bisect_right(self._starts, position) - 1
        return self._units[index] if 0 <= index < len(self._units) else None

    def unit_ids(self) -> list[str]:
        return [u.id for u in self._units]

    def scroll_to(self, section_id: str) -> None:
        for unit, start in zip(self._units, self._starts):
            if unit.id == section_id:
                cursor = QTextCursor(self.document())
                cursor.setPosition(start)
                self.setTextCursor(cursor)
                rect = self.cursorRect(cursor)
                self.verticalScrollBar().setValue(self.verticalScrollBar().value() + rect.top() - 8)
                return

    # ------------------------------------------------------------------ editing
    def _full(self, new: list[Unit]) -> int:
        # the same HTML the PDF writer's qtdoc.fill sets, through QTextEdit.setHtml: the view's
        # cursor stays at the start, so nothing forces the layout of the whole document now — Qt
        # lays it out lazily, top first (moving the cursor would cost a synchronous full layout)
        self.setHtml(qtdoc.units_html(new))
        ranges = qtdoc.unit_ranges(self.document(), len(new))
        if ranges is None:
            ranges = qtdoc.fill_by_units(self.document(), new, self._formats)
            self.moveCursor(QTextCursor.MoveOperation.Start)  # the inserts dragged the view's cursor along
        self._units = list(new)
        self._starts = [start for start, _ in ranges]
        self._ends = [end for _, end in ranges]
        return len(new)

    def _write(self, cursor: QTextCursor, start: int, unit: Unit) -> int:
        """Insert the unit's HTML at ``start`` (an empty block) and fix the heading format."""
        return qtdoc.insert_unit(self.document(), cursor, start, unit, self._formats)

    def _shift(self, index: int, delta: int) -> None:
        if delta:
            for i in range(index, len(self._units)):
                self._starts[i] += delta
                self._ends[i] += delta

    def _incremental(self, new: list[Unit]) -> int:
        count = 0
        wanted = {u.id for u in new}
        cursor = QTextCursor(self.document())
        # 1. remove units that are gone (from the back, so earlier positions stay valid)
        for i in range(len(self._units) - 1, -1, -1):
            if self._units[i].id not in wanted:
                self._remove(cursor, i)
                count += 1
        # 2. walk the new list: replace changed units, insert new ones
        for j, unit in enumerate(new):
            if j < len(self._units) and self._units[j].id == unit.id:
                old = self._units[j]
                if old is unit:
                    continue
                if old == unit:
                    # the same text, from another compose (the document cache, a language switch):
                    # keep the new unit, whose blocks the next compose shares, so later edits
                    # compare by identity instead of word by word
                    self._units[j] = unit
                    continue
                if old.same_body(unit):
                    self._renumber(cursor, j, unit)
                elif not self._patch(cursor, j, unit):
                    self._replace(cursor, j, unit)
                count += 1
            else:
                self._insert(cursor, j, unit)
                count += 1
        return count

    def _remove(self, cursor: QTextCursor, i: int) -> None:
        start, end = self._starts[i], self._ends[i]
        if i > 0:
            cursor.setPosition(start - 1)  # take the separator before the unit with it
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        elif len(self._units) > 1:
            cursor.setPosition(start)
            cursor.setPosition(self._starts[1], QTextCursor.MoveMode.KeepAnchor)
        else:
            self.clear_document()
            return
        removed = cursor.selectionEnd() - cursor.selectionStart()
        cursor.removeSelectedText()
        del self._units[i], self._starts[i], self._ends[i]
        if i == 0:
            self._starts[0] = 0
            self._ends[0] -= removed
            self._shift(1, -removed)
        else:
            self._shift(i, -removed)

    def _replace(self, cursor: QTextCursor, i: int, unit: Unit) -> None:
        start, end = self._starts[i], self._ends[i]
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        new_end = self._write(cursor, start, unit)
        self._units[i] = unit
        self._ends[i] = new_end
        self._shift(i + 1, new_end - end)

    def _patch(self, cursor: QTextCursor, i: int, unit: Unit) -> bool:
        """Rewrite only the paragraphs that changed, each inside its own text block, when the
        unit's heading and the kinds of its blocks stayed (typing in a company field): the
        block count stays the same, so Qt lays out far less than after a whole unit is
        replaced. False, with nothing changed, when the unit is not of that shape."""
        old = self._units[i]
        if (old.level, old.number, old.title, old.subtitle, old.note) != (
                unit.level, unit.number, unit.title, unit.subtitle, unit.note) or len(old.blocks) != len(unit.blocks):
            return False
        doc = self.document()
        block = doc.findBlock(self._starts[i])
        for _ in range(qtdoc.head_block_count(old)):
            block = block.next()
        edits = []  # (text block, new HTML)
        for before, after in zip(old.blocks, unit.blocks):
            count = qtdoc.text_block_count(before)
            if before != after:
                html = qtdoc.inline_html(after)
                if (html is None or type(before) is not type(after) or not block.isValid()
                        or block.text() != qtdoc.plain_text(before)):
                    return False
                edits.append((block, html))
            elif count is None:
                break  # a table or box: the blocks after it cannot be counted (nothing changed there)
            for _ in range(count or 0):
                block = block.next()
        if len(edits) != sum(a != b for a, b in zip(old.blocks, unit.blocks)):
            return False  # a changed block behind a table
        delta = 0
        for block, html in reversed(edits):  # from the back: the earlier blocks keep their positions
            length = block.length()
            cursor.setPosition(block.position())
            cursor.setPosition(block.position() + length - 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertHtml(html)
            if cursor.block() != block:  # the HTML made blocks of its own (cannot, but then start over)
                raise _Drifted
            delta += block.length() - length
        self._units[i] = unit
        self._ends[i] += delta
        self._shift(i + 1, delta)
        return True

    def _renumber(self, cursor: QTextCursor, i: int, unit: Unit) -> None:
        """Only the number changed (a section was added above): rewrite the heading text."""
        start = self._starts[i]
        block = self.document().findBlock(start)
        old_len = block.length() - 1
        cursor.setPosition(block.position())
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(unit.heading_text(), self._formats.get(unit.level)[1])
        delta = len(unit.heading_text()) - old_len
        self._units[i] = unit
        self._ends[i] += delta
        self._shift(i + 1, delta)

    def _insert(self, cursor: QTextCursor, j: int, unit: Unit) -> None:
        if j == 0:  # never happens in practice: the title unit is always first
            raise RuntimeError("insert at top")
        after = self._ends[j - 1]
        cursor.setPosition(after)
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        start = cursor.position()
        end = self._write(cursor, start, unit)
        self._units.insert(j, unit)
        self._starts.insert(j, start)
        self._ends.insert(j, end)
        self._shift(j + 1, end - after)

    # ------------------------------------------------------------------ clicks
    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        # (not an event filter on viewport(): the first QWidget that Qt itself created and hands
        # to Python makes PySide create a Python type for every QWidget subclass, ~40 at start)
        if event.type() == QEvent.Type.MouseButtonRelease:
            if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
                cursor = self.cursorForPosition(event.position().toPoint())
                unit = self.unit_at(cursor.position())
                if unit is not None and unit.id not in FIXED_IDS:
                    self.sectionClicked.emit(unit.id, unit.service or "")
        return super().viewportEvent(event)

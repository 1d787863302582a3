"""A form's QLineEdit bound to one target of the project: typing pushes SetCommands that merge
into one undo step per burst of typing (a merge session); refresh shows the model's value.
A pasted block of several lines goes to ``on_lines`` where a form offers it (address_paste): a
QLineEdit keeps the line breaks of pasted text (it only shows them as spaces), whether pasted with
Ctrl+V, the context menu, the middle mouse button or dropped — a text with a line break reaching
``textEdited`` can only have come that way, as nobody types one into a single line (one that
was in the field's value already is no paste)."""
from __future__ import annotations

import itertools
from typing import Any, Callable

from PySide6.QtWidgets import QLineEdit

from ..core.sanitize import LINE_BREAKS
from .model import ProjectModel
from .targets import EditTarget

Push = Callable[[EditTarget, Any, str, "int | None"], None]  # (target, value, undo text, merge session or None)
_session = itertools.count(1)


def _inserted(old: str, new: str) -> str:
    """What one edit put into ``old`` to make ``new``: the text between their common start and
    common end (a value from a file may hold a line break already; typing there is no paste)."""
    start, most = 0, min(len(old), len(new))
    while start < most and old[start] == new[start]:
        start += 1
    end = 0
    while end < most - start and old[len(old) - 1 - end] == new[len(new) - 1 - end]:
        end += 1
    return new[start:len(new) - end]


def next_session() -> int:
    """A new merge-session number: edits with different numbers never merge into one undo step."""
    return next(_session)


class LineBinding:
    """A QLineEdit bound to one target."""

    def __init__(self, edit: QLineEdit, target: EditTarget, model: ProjectModel, push: Push) -> None:
        self.edit, self.target, self.model, self.push = edit, target, model, push
        self.label = ""  # the undo step's name (retranslateUi)
        self.session = next_session()
        self.on_lines: Callable[[str], None] | None = None  # takes a pasted block instead of the one line; refreshes
        edit.textEdited.connect(self._edited)
        edit.editingFinished.connect(self._finished)

    def _edited(self, text: str) -> None:
        inserted = _inserted(self.model.get(self.target) or "", text)
        if self.on_lines is not None and LINE_BREAKS.search(inserted):
            self.on_lines(text)  # shows the field's value, not the block (also when nothing changed)
            self._finished()
            return
        self.push(self.target, text, self.label, self.session)

    def _finished(self) -> None:
        self.session = next_session()  # the next burst of typing is a new undo step

    def refresh(self) -> None:
        value = self.model.get(self.target) or ""
        if self.edit.text() != value:
            self.edit.setText(value)

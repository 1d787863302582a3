"""An address block pasted into one of the company form's lines (name, street, …): its lines go
into the fields they belong to (core.address_lines) as ONE undo step, with the legal form the
name ends with and the federal state the postcode tells, each filled in only while empty — as
typing them would. What is not recognised stays in the field it was pasted into, as one line.

A QLineEdit keeps the line breaks of pasted text (it only shows them as spaces), whether it was
pasted with Ctrl+V, the context menu, the middle mouse button or dropped: a text with a line break
reaching ``textEdited`` can only have come that way, as nobody types one into a single line.
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject

from ..core.address_lines import spread
from ..core.legalforms import named_in
from ..core.postcodes import state_for
from ..core.websites import normalize
from .model import ProjectModel
from .targets import STATE, WEBSITES, ControllerField

Apply = Callable[[list, str], bool]  # (changes, undo text) → whether anything changed (Editing.apply_changes)
LINE_BREAKS = ("\n", "\r", "\u2028")


def has_lines(text: str) -> bool:
    return any(mark in text for mark in LINE_BREAKS)


class AddressPaste(QObject):
    """Spreads a pasted block over the controller's fields of ``model`` through ``apply``."""

    def __init__(self, model: ProjectModel, apply: Apply, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model, self.apply = model, apply

    def changes(self, field: str, text: str) -> list[tuple[Any, Any]]:
        """(target, value) pairs for ``text`` pasted into the controller's ``field``."""
        project = self.model.project
        values = spread(text, field)
        website = values.pop("website", "")
        changes: list[tuple[Any, Any]] = [(ControllerField(name), value) for name, value in values.items()]
        key = named_in(values.get("name", ""))
        if key and not project.controller.legal_form:
            changes.append((ControllerField("legal_form"), key))
        postcode = values.get("postcode", project.controller.postcode)
        state = state_for(postcode, values.get("country", project.controller.country))
        if "postcode" in values and state and not project.state:
            changes.append((STATE, state))
        if website and normalize(website) not in project.websites:
            changes.append((WEBSITES, [*project.websites, normalize(website)]))
        return changes

    def paste(self, field: str, text: str) -> None:
        self.apply(self.changes(field, text), self.tr("Paste address"))

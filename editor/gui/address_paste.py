"""An address block pasted into one of the company form's lines (name, street, …): its lines go
into the fields they belong to (core.address_lines) as ONE undo step, with the legal form the
name ends with and the federal state the postcode tells, each filled in only while empty — as
typing them would. What is not recognised stays in the field it was pasted into, as one line,
selected there and named in the status bar, so that one key removes it where it does not belong.

The line binding (line_binding.py) hands such a block over instead of setting it as one line.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QObject, Signal

from ..core.company_fill import legal_form_to_fill, state_to_fill
from ..core.websites import normalize
from .model import ProjectModel
from .targets import STATE, WEBSITES, ControllerField

if TYPE_CHECKING:
    from ..core.address_lines import Address

Apply = Callable[[list, str], bool]  # (changes, undo text) → whether anything changed (Editing.apply_changes)


class AddressPaste(QObject):
    """Spreads a pasted block over the controller's fields of ``model`` through ``apply``."""

    message = Signal(str)  # for the status bar: what was left in the field

    def __init__(self, model: ProjectModel, apply: Apply, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model, self.apply = model, apply

    def changes(self, field: str, address: Address) -> list[tuple[Any, Any]]:
        """(target, value) pairs for the block recognised as ``address``, pasted into the
        controller's ``field``."""
        project = self.model.project
        values = address.spread(field)
        website = values.pop("website", "")
        changes: list[tuple[Any, Any]] = [(ControllerField(name), value) for name, value in values.items()]
        key = legal_form_to_fill(project, address.name or values.get("name", ""))  # before any rest joined it
        if key:
            changes.append((ControllerField("legal_form"), key))
        state = state_to_fill(project, values.get("postcode", ""), values.get("country", project.controller.country))
        if state:
            changes.append((STATE, state))
        if website and normalize(website) not in project.websites:
            changes.append((WEBSITES, [*project.websites, normalize(website)]))
        return changes

    def paste(self, binding, text: str) -> None:
        """``text`` pasted into ``binding`` (a company_form line binding of a controller field)."""
        from ..core.address_lines import recognise  # on paste only: its regexes cost ~3 ms of a start

        address = recognise(text)
        self.apply(self.changes(binding.target.name, address), self.tr("Paste address"))
        rest = ", ".join(address.rest)
        binding.refresh()
        at = binding.edit.text().rfind(rest) if rest and address.values() else -1  # not when all is left
        if at >= 0:
            start = at - 2 if binding.edit.text()[max(at - 2, 0):at] == ", " else at  # Delete leaves no ", "
            binding.edit.setSelection(start, len(binding.edit.text()) - start)
            self.message.emit(self.tr("Not recognised, so left in “%1”: %2").replace("%1", binding.label)
                              .replace("%2", rest))

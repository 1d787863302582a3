"""Middle pane, first tab: controller, contacts, DPO, federal state, websites and "Stand".

Part of the window's first paint, so it imports only the Qt classes it shows; the panes' forms
(forms.py) follow after the first paint. Widgets push SetCommands and refresh from
ProjectModel.changed. User edits are recognised by user-only signals (textEdited, clicked,
activated) or by an ``_updating`` guard, so refreshing a widget after undo never records a new
step. Typing merges into one step per field until the field loses focus (the merge key carries a
session count).
"""
from __future__ import annotations

import itertools
from typing import Any, Callable

# Qt's enum namespace is looked up where it is used (QtCore.Qt...), not imported: materialising
# `Qt` builds ~90 Python enums (~20 ms), which the first paint does not need.
from PySide6 import QtCore
from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QFormLayout, QGroupBox, QLabel, QLineEdit, QPlainTextEdit, QScrollArea,
    QVBoxLayout, QWidget,
)

from ..core.project import Dpo
from ..core.states import state_names
from .model import ProjectModel

Push = Callable[[str, Any, str, Any], None]  # (path, value, undo text, merge key or None)
_session = itertools.count(1)


def next_session() -> int:
    """A new merge-session number: edits with different numbers never merge into one undo step."""
    return next(_session)


class _LineBinding:
    """A QLineEdit bound to one path."""

    def __init__(self, edit: QLineEdit, path: str, label: str, model: ProjectModel, push: Push) -> None:
        self.edit, self.path, self.label, self.model, self.push = edit, path, label, model, push
        self.session = next_session()
        edit.textEdited.connect(self._edited)
        edit.editingFinished.connect(self._finished)

    def _edited(self, text: str) -> None:
        self.push(self.path, text, self.label, (self.path, self.session))

    def _finished(self) -> None:
        self.session = next_session()  # the next burst of typing is a new undo step

    def refresh(self) -> None:
        value = self.model.get(self.path) or ""
        if self.edit.text() != value:
            self.edit.setText(value)


def wrap(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area that resizes it (forms taller than the window)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area


class CompanyForm(QWidget):
    """Controller, contacts, DPO, federal state, websites and the "Stand" date."""

    def __init__(self, model: ProjectModel, push: Push, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model, self.push = model, push
        self.bindings: dict[str, _LineBinding] = {}
        self.fields: dict[str, QWidget] = {}  # path → widget, for findings navigation
        self._updating = False

        company = QGroupBox(self.tr("Company (controller)"))
        form = QFormLayout(company)
        for name, text in (("name", self.tr("Company &name:")), ("legal_form", self.tr("&Legal form:")),
                           ("representative", self.tr("&Represented by:")), ("street", self.tr("S&treet and number:")),
                           ("postcode", self.tr("&Postcode:")), ("city", self.tr("C&ity:")), ("country", self.tr("Co&untry:")),
                           ("register", self.tr("Commercial re&gister:"))):
            self._line(form, f"controller.{name}", text)

        contact = QGroupBox(self.tr("Contact"))
        form = QFormLayout(contact)
        for name, text in (("email", self.tr("&E-mail:")), ("phone", self.tr("P&hone:")), ("website", self.tr("&Website:"))):
            self._line(form, f"controller.{name}", text)

        dpo = QGroupBox(self.tr("Data protection officer"))
        dpo_layout = QVBoxLayout(dpo)
        self.has_dpo = QCheckBox(self.tr("We have a data protection &officer"))
        self.has_dpo.setAccessibleName(self.tr("We have a data protection officer"))
        self.has_dpo.clicked.connect(self._dpo_clicked)
        dpo_layout.addWidget(self.has_dpo)
        self.dpo_fields = QWidget()
        form = QFormLayout(self.dpo_fields)
        form.setContentsMargins(0, 0, 0, 0)
        for name, text in (("name", self.tr("Name of the DPO:")), ("company", self.tr("External firm:")),
                           ("email", self.tr("DPO e-mail:")), ("phone", self.tr("DPO phone:")), ("address", self.tr("DPO address:"))):
            self._line(form, f"dpo.{name}", text)
        dpo_layout.addWidget(self.dpo_fields)
        self.fields["dpo"] = self.has_dpo

        other = QGroupBox(self.tr("Website and authority"))
        form = QFormLayout(other)
        self.state = QComboBox()
        self.state.addItem(self.tr("— not set —"), "")
        for code, name in state_names().items():
            self.state.addItem(name, code)
        self.state.setAccessibleName(self.tr("Federal state"))
        self.state.activated.connect(lambda _i: self.push("state", self.state.currentData(), self.tr("Federal state"), None))
        state_label = QLabel(self.tr("&Federal state:"))
        state_label.setBuddy(self.state)
        form.addRow(state_label, self.state)
        self.fields["state"] = self.state

        self.websites = QPlainTextEdit()
        self.websites.setTabChangesFocus(True)
        self.websites.setPlaceholderText(self.tr("https://www.example.de (one per line)"))
        self.websites.setAccessibleName(self.tr("Websites"))
        self.websites.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self._websites_session = next_session()
        self.websites.textChanged.connect(self._websites_changed)
        label = QLabel(self.tr("Web&sites:"))
        label.setBuddy(self.websites)
        form.addRow(label, self.websites)
        self.fields["websites"] = self.websites

        self.stand = QDateEdit()
        self.stand.setCalendarPopup(True)
        self.stand.setDisplayFormat("dd.MM.yyyy")
        self.stand.setAccessibleName(self.tr("Date of this version (Stand)"))
        self.stand.dateChanged.connect(self._stand_changed)
        label = QLabel(self.tr("&Date (Stand):"))
        label.setBuddy(self.stand)
        form.addRow(label, self.stand)
        self.fields["stand"] = self.stand

        layout = QVBoxLayout(self)
        for box in (company, contact, dpo, other):
            layout.addWidget(box)
        layout.addStretch(1)

    def _line(self, form: QFormLayout, path: str, text: str) -> None:
        edit = QLineEdit()
        plain = text.replace("&", "").rstrip(":")
        edit.setAccessibleName(plain)
        label = QLabel(text)
        label.setBuddy(edit)
        form.addRow(label, edit)
        self.bindings[path] = _LineBinding(edit, path, plain, self.model, self.push)
        self.fields[path] = edit

    # ------------------------------------------------------------------ user edits
    def _dpo_clicked(self, checked: bool) -> None:
        self.push("dpo", Dpo() if checked else None, self.tr("Data protection officer"), None)

    def _websites_changed(self) -> None:
        if self._updating:
            return
        lines = [line.strip() for line in self.websites.toPlainText().splitlines() if line.strip()]
        if lines != self.model.get("websites"):
            self.push("websites", lines, self.tr("Websites"), ("websites", self._websites_session))

    def _stand_changed(self, date: QDate) -> None:
        if self._updating:
            return
        self.push("stand", date.toString(QtCore.Qt.DateFormat.ISODate), self.tr("Date (Stand)"), ("stand", self._websites_session))

    # ------------------------------------------------------------------ model → widgets
    def refresh(self, path: str = "") -> None:
        self._updating = True
        try:
            for bpath, binding in self.bindings.items():
                if not path or path == bpath or (path == "dpo" and bpath.startswith("dpo.")):
                    binding.refresh()
            project = self.model.project
            if not path or path == "dpo":
                self.has_dpo.setChecked(project.dpo is not None)
                self.dpo_fields.setEnabled(project.dpo is not None)
            if not path or path == "state":
                index = self.state.findData(project.state)
                self.state.setCurrentIndex(max(index, 0))
            if not path or path == "websites":
                current = [line.strip() for line in self.websites.toPlainText().splitlines() if line.strip()]
                if current != project.websites:
                    self.websites.setPlainText("\n".join(project.websites))
            if not path or path == "stand":
                date = project.stand_date()
                qdate = QDate(date.year, date.month, date.day)
                if self.stand.date() != qdate:
                    self.stand.setDate(qdate)
        finally:
            self._updating = False

    def new_session(self) -> None:
        """Focus left the websites/date fields: their next edit is a new undo step."""
        self._websites_session = next_session()

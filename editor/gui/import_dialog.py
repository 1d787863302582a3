"""File › Import existing policy…: read an old policy (txt, md, html, docx, pdf) and offer what it
names — services with the passages that name them, and the company details — to apply as ONE
undo step; what the old text gets wrong (outdated law names, no date, …) is shown as
information only.

Company details fill empty fields (ticked by default); a field the user already filled is
replaced only if its box is ticked by hand (unticked by default, showing the current value), so
nothing typed is overwritten without being asked. The import itself is
core.policy_import.import_policy, run by SuggestionsDialog in a worker thread."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox, QFileDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QStyle, QVBoxLayout,
    QWidget,
)

from ..core.policy_import import ImportError_, import_policy
from .suggestions import SuggestionsDialog
from .targets import ControllerField

COMPANY_FIELDS = ("name", "street", "postcode", "city", "email", "phone")  # core's find_company keys, in form order


def policy_filter() -> str:
    """The file dialogs' filter: the formats core.policy_import reads."""
    return QCoreApplication.translate("ImportDialog", "Policies (*.txt *.md *.html *.htm *.docx *.pdf);;All files (*)")


class ImportDialog(SuggestionsDialog):
    def __init__(self, catalog, project, apply, ui_language: str, path: str | Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(catalog, project, apply, ui_language, parent)
        self.setObjectName("import-dialog")
        self.path = Path(path)
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.other_button = QPushButton()
        self.other_button.setAutoDefault(False)
        self.other_button.clicked.connect(self._choose_other)
        row = QHBoxLayout(self.input_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.file_label, 1)
        row.addWidget(self.other_button)

        self.company_note = QLabel()
        self.company_note.setWordWrap(True)
        self.company_boxes: dict[str, QCheckBox] = {}
        self.company_list = QVBoxLayout()
        company_page = QWidget()
        column = QVBoxLayout(company_page)
        column.addWidget(self.company_note)
        column.addLayout(self.company_list)
        column.addStretch(1)
        self.tabs.addTab(company_page, "")

        self.findings_note = QLabel()
        self.findings_note.setWordWrap(True)
        self.findings = QListWidget()
        self.findings.setWordWrap(True)
        self.findings.setAlternatingRowColors(True)
        findings_page = QWidget()
        column = QVBoxLayout(findings_page)
        column.addWidget(self.findings_note)
        column.addWidget(self.findings, 1)
        self.tabs.addTab(findings_page, "")
        self.retranslateUi()

    def retranslateUi(self) -> None:  # noqa: N802 - Qt's name
        self.setWindowTitle(self.tr("Import existing policy"))
        self.file_label.setText(self.tr("Policy file: %1").replace("%1", str(self.path)))
        self.other_button.setText(self.tr("&Other file…"))
        self.company_note.setText(self.tr("Ticked details fill empty fields of your company form. A field you have "
                                          "already filled is replaced only if you tick it."))
        self.findings_note.setText(self.tr("What Policy Editor noticed about the old text — for your information; "
                                           "it changes nothing in your project."))
        self.findings.setAccessibleName(self.tr("Notes about the old policy"))
        self.apply_button.setText(self.tr("&Apply selection"))
        super().retranslateUi()

    def field_label(self, name: str) -> str:
        return {"name": self.tr("Company name"), "street": self.tr("Street and number"), "postcode": self.tr("Postcode"),
                "city": self.tr("City"), "email": self.tr("Email"), "phone": self.tr("Phone")}.get(name, name)

    def _update_tabs(self) -> None:
        super()._update_tabs()
        self.tabs.setTabText(1, self.tr("Company details (%1)").replace("%1", str(len(self.company_boxes))))
        self.tabs.setTabText(2, self.tr("About the old text (%1)").replace("%1", str(self.findings.count())))

    # ------------------------------------------------------------------ running
    def start(self) -> None:
        catalog, path, lang = self.catalog, self.path, self.ui_language
        self.run(lambda progress, cancel: import_policy(catalog, path, lang=lang, progress=progress, cancel=cancel),
                 (ImportError_,))

    def ask_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import existing policy"), str(self.path.parent),
                                              policy_filter())
        return path

    def _choose_other(self) -> None:
        path = self.ask_path()
        if path:
            self.path = Path(path)
            self.file_label.setText(self.tr("Policy file: %1").replace("%1", str(self.path)))
            self.start()

    def set_running(self, running: bool) -> None:
        self.other_button.setEnabled(not running)

    # ------------------------------------------------------------------ results
    def show_result(self, result) -> None:
        ticked = {name: box.isChecked() for name, box in self.company_boxes.items()}  # across a language switch
        for box in self.company_boxes.values():
            box.deleteLater()
        self.company_boxes.clear()
        controller = self.project.controller
        for name in COMPANY_FIELDS:
            found = " ".join(result.company.get(name, "").split())
            if not found:
                continue
            current = getattr(controller, name, "")
            box = QCheckBox(self.tr("%1: %2").replace("%1", self.field_label(name)).replace("%2", found))
            if current == found:
                box.setText(box.text() + " " + self.tr("(already entered)"))
                box.setEnabled(False)
            elif current:
                box.setText(box.text() + " " + self.tr("— replaces “%1”").replace("%1", current))
                box.setChecked(ticked.get(name, False))
            else:
                box.setChecked(ticked.get(name, True))
            box.setProperty("value", found)
            box.toggled.connect(self.update_apply)
            self.company_boxes[name] = box
            self.company_list.addWidget(box)
        if not self.company_boxes:
            self.company_note.setText(self.tr("No company details were found in the old text."))

        self.findings.clear()
        style = self.style()
        for finding in result.findings:
            icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning if finding.severity == "warning"
                                      else QStyle.StandardPixmap.SP_MessageBoxInformation)
            QListWidgetItem(icon, finding.message, self.findings)
        super().show_result(result)
        found_any = result.suggestions or self.company_boxes
        self.show_status(self.tr("Untick what does not apply to you any more, then apply the rest.") if found_any
                         else self.tr("The old text names no service Policy Editor knows and no company details."))

    def company_changes(self) -> list[tuple[ControllerField, str]]:
        return [(ControllerField(name), box.property("value")) for name, box in self.company_boxes.items()
                if box.isEnabled() and box.isChecked()]

    def changes(self) -> list:
        return super().changes() + self.company_changes()

    def undo_text(self) -> str:
        return self.tr("Import from %1").replace("%1", self.path.name)

"""File › Scan my website…: scan the user's own site (an address, a saved page, a folder of a
saved site or a HAR file) and offer the services found, with their evidence, to add as one
undo step. Third-party hosts no service explains are listed under "Not recognised", each
with the offer to describe the service behind it in the own-service form.

The scan itself is core.scan.scan, run by SuggestionsDialog in a worker thread."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QTreeWidgetItem, QVBoxLayout,
    QWidget,
)

from ..core.scan import HAR_HINT, ScanError, scan
from . import settings as app_settings
from .suggestions import SuggestionsDialog, evidence_rows, evidence_tree


class ScanDialog(SuggestionsDialog):
    describe_requested = Signal(str)  # a host no service explains: describe it in the own-service form

    def __init__(self, catalog, project, apply, ui_language: str, parent: QWidget | None = None) -> None:
        super().__init__(catalog, project, apply, ui_language, parent)
        self.setObjectName("scan-dialog")
        self.source = QLineEdit(str(app_settings.value("scan/source", "")))
        self.source.setClearButtonEnabled(True)
        self.source.textChanged.connect(self._source_changed)  # Return: the default button, Scan
        self.page_button, self.folder_button, self.har_button = QPushButton(), QPushButton(), QPushButton()
        for button in (self.page_button, self.folder_button, self.har_button):
            button.setAutoDefault(False)
        self.page_button.clicked.connect(lambda: self._browse("page"))
        self.folder_button.clicked.connect(lambda: self._browse("folder"))
        self.har_button.clicked.connect(lambda: self._browse("har"))
        self.pages = QSpinBox()
        self.pages.setRange(1, 200)
        self.pages.setValue(int(app_settings.value("scan/pages", 20, int) or 20))
        self.start_button = QPushButton()
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.hint = QLabel()
        self.hint.setWordWrap(True)

        self.source_label, self.pages_label = QLabel(), QLabel()
        self.source_label.setBuddy(self.source)
        self.pages_label.setBuddy(self.pages)
        self.pages_note = QLabel()
        source_row = QHBoxLayout()
        source_row.addWidget(self.source, 1)
        for button in (self.page_button, self.folder_button, self.har_button):
            source_row.addWidget(button)
        pages_row = QHBoxLayout()
        pages_row.addWidget(self.pages)
        pages_row.addWidget(self.pages_note, 1)
        pages_row.addWidget(self.start_button)
        form = QFormLayout(self.input_box)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.source_label, source_row)
        form.addRow(self.pages_label, pages_row)
        form.addRow("", self.hint)

        self.unknown_tree = evidence_tree()
        self.unknown_tree.header().resizeSection(0, 220)  # host names are shorter than service names
        self.unknown_heading, self.unknown_note = QLabel(), QLabel()
        self.unknown_note.setWordWrap(True)
        unknown_page = QWidget()
        column = QVBoxLayout(unknown_page)
        column.addWidget(self.unknown_heading)
        column.addWidget(self.unknown_note)
        column.addWidget(self.unknown_tree, 1)
        self.describe_button = QPushButton()
        self.describe_button.setAutoDefault(False)
        self.describe_button.setEnabled(False)
        self.describe_button.clicked.connect(self._describe)
        self.unknown_tree.currentItemChanged.connect(lambda item, _prev: self.describe_button.setEnabled(item is not None))
        self.unknown_tree.itemDoubleClicked.connect(lambda _item, _column: self._describe())
        column.addWidget(self.describe_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.tabs.addTab(unknown_page, "")
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.body.insertWidget(self.body.indexOf(self.tabs) + 1, self.notes)
        self.notes.hide()
        self.retranslateUi()
        self._source_changed()

    def retranslateUi(self) -> None:  # noqa: N802 - Qt's name
        self.setWindowTitle(self.tr("Scan my website"))
        self.source_label.setText(self.tr("Add&ress or saved copy:"))
        self.source.setPlaceholderText(self.tr("https://www.your-site.de — or a saved page, folder or HAR file"))
        self.source.setAccessibleName(self.tr("Address of your website, or a saved page, folder or HAR file"))
        self.page_button.setText(self.tr("Saved &page…"))
        self.folder_button.setText(self.tr("&Folder…"))
        self.har_button.setText(self.tr("&HAR file…"))
        self.pages_label.setText(self.tr("Pages at &most:"))
        self.pages_note.setText(self.tr("for an address: links on your site are followed up to this number"))
        self.start_button.setText(self.tr("&Scan"))
        self.hint.setText(self.tr(
            "Scan only your own site. Scripts are not executed, so services that load later (after consent or "
            "through a tag manager) can be missing; a HAR file records them: in Firefox or Chrome press F12, open "
            "the Network tab, reload and click through the page, then save the list with \"Save all as HAR\" "
            "(Firefox) or \"Export HAR…\" (Chrome)."))
        self.unknown_heading.setText("<b>" + self.tr("Not recognised") + "</b>")
        self.unknown_note.setText(self.tr("Your site loads something from these third-party hosts, but Policy Editor "
                                          "knows no service behind them. Check what they are: each may need a section "
                                          "you describe yourself."))
        self.unknown_tree.setHeaderLabels([self.tr("Host"), self.tr("Seen in"), self.tr("What matched")])
        self.unknown_tree.setAccessibleName(self.tr("Hosts not recognised"))
        self.describe_button.setText(self.tr("&Describe the service behind this host yourself…"))
        self.apply_button.setText(self.tr("&Add selected services"))
        super().retranslateUi()

    def _update_tabs(self) -> None:
        super()._update_tabs()
        count = self.unknown_tree.topLevelItemCount()
        self.tabs.setTabText(1, self.tr("Not recognised (%1)").replace("%1", str(count)))

    # ------------------------------------------------------------------ input
    def _source_changed(self) -> None:
        self.start_button.setEnabled(bool(self.source.text().strip()) and not self.running)

    def ask_source(self, kind: str) -> str:
        """A file dialog for a saved page, a folder or a HAR file; "" if cancelled."""
        start = self.source.text().strip()
        folder = str(Path(start).parent) if start and not start.lower().startswith(("http:", "https:")) else ""
        if kind == "folder":
            return QFileDialog.getExistingDirectory(self, self.tr("Folder of a saved site"), folder)
        filters = (self.tr("HAR files (*.har);;All files (*)") if kind == "har"
                   else self.tr("Web pages (*.html *.htm *.xhtml *.shtml);;All files (*)"))
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Saved page") if kind == "page" else self.tr("HAR file"),
                                              folder, filters)
        return path

    def _browse(self, kind: str) -> None:
        path = self.ask_source(kind)
        if path:
            self.source.setText(path)

    def set_running(self, running: bool) -> None:
        for widget in (self.source, self.page_button, self.folder_button, self.har_button, self.pages):
            widget.setEnabled(not running)
        self.start_button.setEnabled(not running and bool(self.source.text().strip()))

    def start(self) -> None:
        source = self.source.text().strip()
        if not source or self.running:
            return
        app_settings.set_value("scan/source", source)
        app_settings.set_value("scan/pages", self.pages.value())
        catalog, pages, lang = self.catalog, self.pages.value(), self.ui_language
        self.notes.hide()
        self.run(lambda progress, cancel: scan(catalog, [source], pages=pages, lang=lang, progress=progress,
                                               cancel=cancel),
                 (ScanError,))

    def _describe(self) -> None:
        """The own-service form, prefilled with the host (its top-level item)."""
        item = self.unknown_tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        if item is not None:
            self.describe_requested.emit(item.text(0))

    # ------------------------------------------------------------------ results
    def show_result(self, result) -> None:
        tree = self.unknown_tree
        tree.clear()
        for host in result.unknown:
            item = QTreeWidgetItem(tree, [host.host])
            evidence_rows(item, host.evidence)
        super().show_result(result)
        if not result.suggestions and not result.unknown:
            self.show_status(self.tr("No known service and no third-party host found in %1 page(s).")
                             .replace("%1", str(result.pages)))
        else:
            self.show_status(self.tr("%1 page(s) read. Untick what your site does not use, then add the rest.")
                             .replace("%1", str(result.pages)))
        self.tabs.setCurrentIndex(0)
        notes = [n for n in result.notes if n != HAR_HINT]  # the hint above says it in the interface language
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))

"""The policy as the user edits it: composed into the preview on every change, checked a moment
later into the findings list and the status bar — in the document language of the preview.

A failure of the checks themselves is an error finding and says so in the status bar; it never
reads "0 errors".
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QStatusBar

from .findings import FindingsList
from .model import ProjectModel
from .preview import Preview

CHECKS_DELAY_MS = 250
LANGUAGES = ("de", "en")


class LivePolicy(QObject):
    document_language_changed = Signal(str)

    def __init__(self, model: ProjectModel, preview: Preview, findings: FindingsList, status: QLabel,
                 status_bar: QStatusBar, ui_language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model, self.preview, self.findings = model, preview, findings
        self.status, self.status_bar = status, status_bar
        self.ui_language = ui_language  # of the findings' messages
        self.catalog = None  # until the clause packs are loaded
        self.document = None  # the composed policy shown in the preview
        self.doc_language = "de"
        self.active = False  # a project is open
        self.checks_timer = QTimer(self)
        self.checks_timer.setSingleShot(True)
        self.checks_timer.setInterval(CHECKS_DELAY_MS)
        self.checks_timer.timeout.connect(self.run_checks)

    def set_active(self, active: bool) -> None:
        self.active = active
        if not active:
            self.document = None
            self.preview.clear_document()
            self.findings.forget()
            self.status.clear()

    def set_catalog(self, catalog) -> None:
        self.catalog = catalog
        self.changed()

    def project_replaced(self) -> None:
        """A new project: the preview starts over, in the project's first language."""
        languages = self.model.project.languages
        self.preview.clear_document()
        self.set_document_language(languages[0] if languages and languages[0] in LANGUAGES else "de", refresh=False)

    def changed(self) -> None:
        """The project changed: compose now, check in a moment (typing does not wait for checks)."""
        self.refresh_preview()
        if self.active:
            self.checks_timer.start()

    def set_document_language(self, lang: str, refresh: bool = True) -> None:
        if lang not in LANGUAGES or lang == self.doc_language and self.document is not None:
            return
        changed = lang != self.doc_language
        self.doc_language = lang
        if changed:
            self.preview.clear_document()  # headings and order change with the language
            self.document_language_changed.emit(lang)
        if refresh:
            self.changed()

    def refresh_preview(self) -> None:
        if not self.active or self.catalog is None:
            return
        from ..core.compose import ComposeError, compose

        try:
            self.document = compose(self.catalog, self.model.project, self.doc_language)
        except ComposeError as exc:
            self.document = None  # the checks then compose themselves and report what fails
            self.status_bar.showMessage(str(exc))
            return
        self.preview.show_document(self.document)

    def run_checks(self) -> None:
        if not self.active or self.catalog is None:
            return
        from ..core.checks import Finding, checks

        try:
            findings = checks(self.catalog, self.model.project, self.document, lang=self.ui_language)
        except Exception as exc:  # noqa: BLE001 - a bug in a check must not take the editor down, nor hide
            text = self.tr("The checks could not run, so nothing was checked: %1").replace(
                "%1", f"{type(exc).__name__}: {str(exc)[:200]}")
            self.findings.set_findings([Finding("error", "checks-failed", text, "")])
            self.status.setText(self.tr("Checks failed"))
            self.status_bar.showMessage(text)
            return
        self.findings.set_findings(findings)
        counts = self.findings.counts()
        self.status.setText(self.tr("%1 errors, %2 warnings").replace("%1", str(counts["error"]))
                            .replace("%2", str(counts["warning"])))

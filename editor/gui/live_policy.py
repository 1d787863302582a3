"""The policy as the user edits it: composed into the preview on every change, checked a moment
later into the findings list and the status bar — in the document language of the preview.

The preview shows one of the project's languages: when English is switched off while it shows
English, it turns to German; the toolbar's switch greys out a language the project leaves out.

A failure of the checks themselves is an error finding and says so in the status bar; it never
reads "0 errors".

The first preview of a project (at start, after opening a file or switching the language) comes
from the per-user document cache when it holds this very project, catalog and language
(editor.core.document_cache); composing again to verify it, storing a fresh one and the checks
wait until the preview is laid out and a moment longer (VERIFY_DELAY_MS), so they never hold up
the first complete picture: the poll that notices the layout is done and the paint that shows it
would otherwise queue behind a compose.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QStatusBar

from .findings import FindingsList
from .model import ProjectModel
from .preview import Preview

CHECKS_DELAY_MS = 250
SETTLE_POLL_MS = 15  # how often to look whether the first preview is laid out
SETTLE_MAX_MS = 3000  # settle anyway after this long (a hidden preview may not lay out)
VERIFY_DELAY_MS = 100  # from "laid out" to composing again: the complete preview is painted first
LANGUAGES = ("de", "en")


class LivePolicy(QObject):
    document_language_changed = Signal(str)
    languages_changed = Signal(list)  # the project's policy languages, when they change

    def __init__(self, model: ProjectModel, preview: Preview, findings: FindingsList, status: QLabel,
                 status_bar: QStatusBar, ui_language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model, self.preview, self.findings = model, preview, findings
        self.status, self.status_bar = status, status_bar
        self.ui_language = ui_language  # of the findings' messages
        self.catalog = None  # until the clause packs are loaded
        self.document = None  # the composed policy shown in the preview
        self.doc_language = "de"
        self.languages: list[str] = []  # the project's policy languages, as last seen
        self.active = False  # a project is open
        self.checks_timer = QTimer(self)
        self.checks_timer.setSingleShot(True)
        self.checks_timer.setInterval(CHECKS_DELAY_MS)
        self.checks_timer.timeout.connect(self.run_checks)
        self.from_cache = False  # the document shown came from the cache and is not verified yet
        self._settle_waited = 0
        self.settle_timer = QTimer(self)  # runs while a first preview is being laid out
        self.settle_timer.setInterval(SETTLE_POLL_MS)
        self.settle_timer.timeout.connect(self._poll_settled)
        self.verify_timer = QTimer(self)  # laid out → settle, once the complete preview is painted
        self.verify_timer.setSingleShot(True)
        self.verify_timer.setInterval(VERIFY_DELAY_MS)
        self.verify_timer.timeout.connect(self.settle)

    def set_active(self, active: bool) -> None:
        self.active = active
        if not active:
            self.settle_timer.stop()
            self.verify_timer.stop()
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
        self.document = None  # its first preview may come from the document cache
        self.preview.clear_document()
        self.set_document_language(languages[0] if languages and languages[0] in LANGUAGES else "de", refresh=False)

    def changed(self) -> None:
        """The project changed: compose now, check in a moment (typing does not wait for checks)."""
        self._follow_languages()
        self.refresh_preview()
        if self.active and self.catalog is not None and not self._settling():
            self.checks_timer.start()  # (while a first preview is laid out, settling starts them)

    def _follow_languages(self) -> None:
        languages = [lang for lang in self.model.project.languages if lang in LANGUAGES] or ["de"]
        if languages == self.languages:
            return
        self.languages = languages
        if self.doc_language not in languages:
            self.set_document_language(languages[0], refresh=False)
        self.languages_changed.emit(languages)

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
        first = self.document is None
        if first:
            from ..core import document_cache

            cached = document_cache.load(self._cache_key())
            if cached is not None:
                self.document, self.from_cache = cached, True
                self.preview.show_document(cached)
                self._settle_later()
                return
        if not self._compose():
            return
        if first:  # kept for the next start now: the app may be closed before it settles
            from ..core import document_cache

            document_cache.store(self._cache_key(), self.document)
            self._settle_later()

    def _compose(self) -> bool:
        from ..core.compose import ComposeError, compose

        self.from_cache = False
        try:
            self.document = compose(self.catalog, self.model.project, self.doc_language)
        except ComposeError as exc:
            self.document = None  # the checks then compose themselves and report what fails
            self.status_bar.showMessage(str(exc))
            return False
        self.preview.show_document(self.document)
        return True

    def _cache_key(self) -> str | None:
        from ..core import document_cache

        return document_cache.key(getattr(self.catalog, "content_key", ""), self.model.project, self.doc_language)

    # ------------------------------------------------------------------ after the first preview
    def _settle_later(self) -> None:
        self.checks_timer.stop()
        self.verify_timer.stop()
        self._settle_waited = 0
        self.settle_timer.start()

    def _settling(self) -> bool:
        return self.settle_timer.isActive() or self.verify_timer.isActive()

    def _poll_settled(self) -> None:
        self._settle_waited += SETTLE_POLL_MS
        doc = self.preview.document()
        laid_out = doc.isEmpty() or doc.lastBlock().layout().lineCount() > 0
        if laid_out or self._settle_waited >= SETTLE_MAX_MS or not self.preview.isVisible():
            self.settle_timer.stop()
            self.verify_timer.start()

    def settle(self) -> None:
        """The first preview is on screen: verify a cached document by composing (the fresh one
        replaces it where they differ, and in the cache), then check."""
        self.settle_timer.stop()
        if not self.active or self.catalog is None:
            return
        if self.from_cache:
            cached = self.document
            if not self._compose():
                return
            if self.document != cached:
                from ..core import document_cache

                document_cache.store(self._cache_key(), self.document)
        self.checks_timer.start()

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
        # each count in its own plural form: "1 Warnung", not "1 Warnungen"
        text = self.tr("%n error(s)", "", counts["error"]) + ", " + self.tr("%n warning(s)", "", counts["warning"])
        if counts["task"]:
            text += ", " + self.tr("%n task(s) open", "", counts["task"])
        self.status.setText(text)


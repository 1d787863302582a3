"""The main window: checklist | forms | live preview, findings below.

It wires widgets to the ProjectModel through the QUndoStack and asks core for everything else
(compose, checks, load/save). Dialogs that need the user go through small ``ask_*`` methods
so tests can answer them.
"""
from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

# Only what the first paint needs is imported here. Qt's enum namespace (`QtCore.Qt`, ~90 Python
# enums, ~20 ms), QStyle and the panes' modules are loaded in _build_panes, after the first paint
# when the window is deferred (see create_window).
from PySide6 import QtCore
from PySide6.QtCore import QByteArray, QLocale, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication, QComboBox, QLabel, QMainWindow, QSplitter, QStackedWidget, QTabWidget, QVBoxLayout, QWidget,
)

from .. import APP_NAME
from ..core import project as project_io
from ..core.project import FileChangedError, Project, ProjectError, ReadOnlyFileError
from . import settings as app_settings
from .autosave import Autosave
from .company_form import CompanyForm, wrap
from .model import ProjectModel, SetCommand

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from .welcome import WelcomePage

AUTOSAVE_MS = 30_000
CHECKS_DELAY_MS = 250
FORM_PATHS = ("controller.", "dpo", "state", "websites", "stand")


class MainWindow(QMainWindow):
    def __init__(self, catalog=None, ui_language: str = "en", parent: QWidget | None = None,
                 defer_catalog: bool = False, takeover: "MainWindow | None" = None,
                 start_page: bool = True) -> None:
        super().__init__(parent)
        if catalog is None and not defer_catalog:
            from ..core.catalog_cache import default_catalog

            catalog = default_catalog()
        # None while the catalog loads after the first paint (see load_catalog): the window
        # appears at once with the project's details; checklist and preview follow.
        self.catalog = catalog
        self.ui_language = ui_language
        self.doc_language = "de"
        self.path: Path | None = None
        self.file_fingerprint = None  # the file as last read or written: to notice other programs' changes
        self.has_project = False
        self.persist_state = True  # off for screenshots: they must not change the user's layout
        self.document = None
        if takeover is None:
            self.model = ProjectModel(Project(), self)
            self.undo_stack = QUndoStack(self)
            self.autosave = Autosave(app_settings.autosave_dir())
        else:
            # Switching the interface language rebuilds the window around the same project,
            # undo history and autosave session (see switch_ui_language).
            takeover.model.changed.disconnect(takeover._model_changed)
            takeover.undo_stack.cleanChanged.disconnect(takeover._clean_changed)
            self.model, self.undo_stack, self.autosave = takeover.model, takeover.undo_stack, takeover.autosave
            self.file_fingerprint = takeover.file_fingerprint
            self.model.setParent(self)
            self.undo_stack.setParent(self)
        self.setAcceptDrops(True)
        self.panes_ready = False  # checklist, options, custom sections, preview, findings (_build_panes)
        self.welcome: WelcomePage | None = None  # built the first time it is shown
        self._build_shell()
        self._build_actions()
        self.model.changed.connect(self._model_changed)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self._restore_window_state()
        if not defer_catalog:
            self._build_panes()
        # The start page lists recent files and examples (reading each example project); skip
        # that when a project is about to open anyway, and when a successor window adopts one.
        if takeover is None and start_page:
            self._show_welcome()

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave_now)
        self.autosave_timer.start()
        self.checks_timer = QTimer(self)
        self.checks_timer.setSingleShot(True)
        self.checks_timer.setInterval(CHECKS_DELAY_MS)
        self.checks_timer.timeout.connect(self.run_checks)

    # ================================================================== construction
    def _build_shell(self) -> None:
        """What the first paint shows: the company form in its tab, menus and toolbar, and
        placeholders where checklist and preview go (they need the catalog anyway)."""
        self.company_form = CompanyForm(self.model, self.push)
        self.company_scroll = wrap(self.company_form)
        self.service_page, self.custom_page = _holder(), _holder()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.company_scroll, self.tr("&Company"))
        self.tabs.addTab(self.service_page, self.tr("Se&rvice"))
        self.tabs.addTab(self.custom_page, self.tr("Own se&ctions"))
        self.splitter = QSplitter()  # horizontal
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(_placeholder(self.tr("Loading the services…")))
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(_placeholder(self.tr("Preparing the preview…")))
        self.splitter.widget(0).setMinimumWidth(220)
        self.tabs.setMinimumWidth(320)
        self.splitter.setSizes([350, 410, 640])  # the checklist needs room for category names
        self._set_stretch()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.splitter)
        self.setCentralWidget(self.stack)
        self.status_findings = QLabel()
        self.statusBar().addPermanentWidget(self.status_findings)

        self.language_combo = QComboBox()
        self.language_combo.addItem("Deutsch", "de")
        self.language_combo.addItem("English", "en")
        self.language_combo.setAccessibleName(self.tr("Document language"))
        self.language_combo.setToolTip(self.tr("Language of the policy shown in the preview"))
        self.language_combo.currentIndexChanged.connect(
            lambda _i: self.set_document_language(self.language_combo.currentData()))

    def _set_stretch(self) -> None:
        for index, factor in enumerate((0, 0, 1)):  # the preview takes what the window gains
            self.splitter.setStretchFactor(index, factor)

    def _build_panes(self) -> None:
        """Checklist, service options, custom sections, preview, findings dock and icons. Called
        from __init__, or after the first paint by load_catalog for a deferred window."""
        if self.panes_ready:
            return
        from PySide6.QtWidgets import QDockWidget, QStyle

        from .checklist import ServiceChecklist
        from .findings import FindingsList
        from .forms import CustomSectionsForm, ServiceOptionsForm
        from .icons import app_icon
        from .preview import Preview

        Qt = QtCore.Qt
        self.setWindowIcon(app_icon())  # shown by the window manager, not part of the first paint
        self.checklist = ServiceChecklist()
        self.checklist.setMinimumWidth(220)
        self.options_form = ServiceOptionsForm(self.model, self.push, self.ui_language)
        self.custom_form = CustomSectionsForm(self.model, self.push)
        self.custom_form.lang = self.doc_language
        self.service_page.layout().addWidget(wrap(self.options_form))
        self.custom_page.layout().addWidget(self.custom_form)
        self.preview = Preview(self.tr("Stand:"))
        self.preview.setAccessibleName(self.tr("Preview of the privacy policy"))
        self.preview.setPlaceholderText(self.tr("Preparing the preview…"))  # until the first compose
        for index, widget in ((0, self.checklist), (2, self.preview)):
            self.splitter.replaceWidget(index, widget).deleteLater()  # keeps the restored sizes
        self._set_stretch()

        self.findings = FindingsList()
        self.findings_dock = QDockWidget(self.tr("Findings"), self)
        self.findings_dock.setObjectName("findings")
        self.findings_dock.setWidget(self.findings)
        self.findings_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                                       | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        if not self.restoreDockWidget(self.findings_dock):  # where the last session left it, else:
            self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.findings_dock)
            self.resizeDocks([self.findings_dock], [150], Qt.Orientation.Vertical)
        self.findings_dock.setVisible(self.has_project)
        self.view_menu.addAction(self.findings_dock.toggleViewAction())

        style, SP = self.style(), QStyle.StandardPixmap
        for action, pixmap in ((self.act_new, SP.SP_FileIcon), (self.act_open, SP.SP_DialogOpenButton),
                               (self.act_save, SP.SP_DialogSaveButton), (self.act_undo, SP.SP_ArrowBack),
                               (self.act_redo, SP.SP_ArrowForward)):
            action.setIcon(style.standardIcon(pixmap))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.act_undo, self.act_redo):  # their text names the step: too long for a button
            self.toolbar.widgetForAction(action).setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)

        self.checklist.toggled.connect(self.toggle_service)
        self.checklist.current_changed.connect(self._service_highlighted)
        self.options_form.tick_requested.connect(self.toggle_service)
        self.preview.sectionClicked.connect(self._preview_clicked)
        self.findings.activated_target.connect(self.navigate)
        self.panes_ready = True
        if self.catalog is not None:
            self.checklist.set_catalog(self.catalog, self.ui_language)
            self.options_form.set_catalog(self.catalog)
        if self.has_project:
            self._refresh_panes("")

    def _action(self, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, str):  # not QKeySequence(str): its overloads load Qt's Key enum (~7 ms)
            action.setShortcuts(QKeySequence.listFromString(shortcut))
        elif shortcut is not None:  # a StandardKey: every binding the platform has for it
            action.setShortcuts(shortcut)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        K = QKeySequence.StandardKey  # icons follow in _build_panes (QStyle is not needed to paint)
        self.act_new = self._action(self.tr("&New"), self.new_project, K.New)
        self.act_open = self._action(self.tr("&Open…"), self.open_dialog, K.Open)
        self.act_save = self._action(self.tr("&Save"), self.save, K.Save)
        self.act_save_as = self._action(self.tr("Save &As…"), self.save_as, K.SaveAs)
        self.act_export = self._action(self.tr("&Export…"), self.export_dialog, "Ctrl+E")
        self.act_close = self._action(self.tr("&Close"), self.close_project, K.Close)
        self.act_quit = self._action(self.tr("&Quit"), self.close, K.Quit)
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.act_undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.act_undo.setShortcuts(K.Undo)
        self.act_redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.act_redo.setShortcuts(K.Redo)
        self.act_find = self._action(self.tr("&Find service"), self._focus_search, K.Find)
        self.act_about = self._action(self.tr("&About Policy Editor"), self.about)
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)

        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        for a in (self.act_new, self.act_open):
            file_menu.addAction(a)
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        file_menu.addSeparator()
        for a in (self.act_save, self.act_save_as, self.act_export):
            file_menu.addAction(a)
        file_menu.addSeparator()
        file_menu.addAction(self.act_close)
        file_menu.addAction(self.act_quit)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.act_undo)
        edit_menu.addAction(self.act_redo)
        edit_menu.addSeparator()
        edit_menu.addAction(self.act_find)
        self.view_menu = bar.addMenu(self.tr("&View"))  # the findings dock adds its action
        lang_menu = bar.addMenu("Sprache/&Language")
        group = QActionGroup(self)
        current = app_settings.value("ui_language", "system")
        for code, text in (("system", self.tr("System default")), ("de", "Deutsch"), ("en", "English")):
            action = QAction(text, self, checkable=True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _c=False, code=code: self.set_ui_language(code))
            group.addAction(action)
            lang_menu.addAction(action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.act_about)

        tools = self.toolbar = self.addToolBar(self.tr("Main"))
        tools.setObjectName("main-toolbar")
        for a in (self.act_new, self.act_open, self.act_save):
            tools.addAction(a)
        tools.addSeparator()
        tools.addAction(self.act_undo)
        tools.addAction(self.act_redo)
        tools.addSeparator()
        tools.addAction(self.act_export)
        tools.addSeparator()
        label = QLabel(self.tr("Document &language:") + " ")
        label.setBuddy(self.language_combo)
        tools.addWidget(label)
        tools.addWidget(self.language_combo)
        self._rebuild_recent_menu()

    def _clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)

    # ================================================================== editing
    def push(self, path: str, value: Any, text: str, merge_key: Any = None) -> None:
        """Every change to the project goes through here (and so onto the undo stack)."""
        if not self.has_project:
            return
        command = SetCommand(self.model, path, value, text, merge_key)  # cleans the value (model.clean)
        if command.cut:
            self.statusBar().showMessage(self.tr("The text was cut to the most characters Policy Editor accepts "
                                                 "for this field."), 8000)
        if command.old == command.new and merge_key is None:
            return
        self.undo_stack.push(command)

    def toggle_service(self, sid: str, ticked: bool) -> None:
        from ..core.project import SelectedService

        service = self.catalog.services.get(sid)
        name = service.name(self.ui_language) if service else sid
        current = self.model.get(f"service:{sid}")
        if ticked and current is None:
            index = len(self.model.project.services)
            self.push(f"service:{sid}", (index, SelectedService(id=sid)), self.tr("Add %1").replace("%1", name))
        elif not ticked and current is not None:
            self.push(f"service:{sid}", None, self.tr("Remove %1").replace("%1", name))

    def _model_changed(self, path: str) -> None:
        if not path or path.startswith(FORM_PATHS):
            self.company_form.refresh(path)
        if self.panes_ready:
            self._refresh_panes(path)
        self.refresh_preview()
        self.checks_timer.start()

    def _refresh_panes(self, path: str) -> None:
        if not path or path.startswith(("service:", "option:")):
            self.checklist.set_selected(set(self.model.project.service_ids()))
            self.options_form.refresh(path)
        if not path or path.startswith("custom"):
            self.custom_form.refresh(path)

    def load_catalog(self, catalog=None, preview_later: bool = False) -> None:
        """Build the panes, load the clause packs (if not given), fill checklist and options, and
        compose the preview. With ``preview_later`` (startup) the preview follows in the next turn
        of the event loop, so that checklist and findings are painted first."""
        if catalog is None:
            from ..core.catalog_cache import default_catalog

            catalog = default_catalog()
        self._build_panes()
        self.catalog = catalog
        self.checklist.set_catalog(catalog, self.ui_language)
        self.checklist.set_selected(set(self.model.project.service_ids()))
        self.options_form.set_catalog(catalog)
        if preview_later:
            QTimer.singleShot(0, self._preview_and_checks)
        else:
            self._preview_and_checks()
        if catalog.errors:
            self.show_pack_errors()

    def _preview_and_checks(self) -> None:
        self.refresh_preview()
        if self.has_project:
            self.checks_timer.start()

    def ensure_catalog(self) -> None:
        if self.catalog is None:
            self.load_catalog()

    def refresh_preview(self) -> None:
        if not self.has_project or self.catalog is None:
            return
        from ..core.compose import ComposeError, compose

        try:
            self.document = compose(self.catalog, self.model.project, self.doc_language)
        except ComposeError as exc:
            self.statusBar().showMessage(str(exc))
            return
        self.preview.show_document(self.document)

    def run_checks(self) -> None:
        if not self.has_project or self.catalog is None:
            return
        from .findings import LocalFinding, run_checks

        findings = [LocalFinding("error", "pack", self.tr("A clause pack has a problem: %1").replace("%1", str(e)),
                                 f"pack:{e.file}") for e in self.catalog.errors]
        findings += run_checks(self.catalog, self.model.project, self.document, self.ui_language)
        self.findings.set_findings(findings)
        counts = self.findings.counts()
        self.status_findings.setText(self.tr("%1 errors, %2 warnings").replace("%1", str(counts["error"]))
                                     .replace("%2", str(counts["warning"])))

    def set_document_language(self, lang: str) -> None:
        if lang not in ("de", "en") or lang == self.doc_language and self.document is not None:
            return
        self.doc_language = lang
        index = self.language_combo.findData(lang)
        if self.language_combo.currentIndex() != index:
            self.language_combo.setCurrentIndex(index)
        if self.panes_ready:
            self.custom_form.set_language(lang)
            self.preview.clear_document()  # headings and order change with the language
        self.refresh_preview()
        self.checks_timer.start()

    # ================================================================== navigation
    def _service_highlighted(self, sid: str) -> None:
        self.options_form.show_service(sid)
        if sid:
            self.tabs.setCurrentIndex(1)
            if sid in self.model.project.service_ids():
                self.preview.scroll_to(f"service-{sid}")

    def _preview_clicked(self, section_id: str, service: str) -> None:
        if service:
            self.checklist.select_service(service)
            self.tabs.setCurrentIndex(1)
        elif section_id.startswith("custom-"):
            self._select_custom(section_id[len("custom-"):])
        elif section_id in ("controller", "dpo", "complaint"):
            self.tabs.setCurrentIndex(0)
            field = {"controller": "controller.name", "dpo": "dpo", "complaint": "state"}[section_id]
            self.company_scroll.ensureWidgetVisible(self.company_form.fields[field])

    def _select_custom(self, cid: str) -> None:
        self.tabs.setCurrentIndex(2)
        for i in range(self.custom_form.list.count()):
            if self.custom_form.list.item(i).data(QtCore.Qt.ItemDataRole.UserRole) == cid:
                self.custom_form.list.setCurrentRow(i)

    def navigate(self, target: str) -> None:
        """Focus the place where a finding can be fixed."""
        if target.startswith("service:"):
            sid = target.split(":", 1)[1]
            self.checklist.select_service(sid)
            self.tabs.setCurrentIndex(1)
            self.checklist.tree.setFocus()
            self.preview.scroll_to(f"service-{sid}")
        elif target.startswith("section:"):
            section = target.split(":", 1)[1]
            self.preview.scroll_to(section)
            if section.startswith("custom-"):
                self._select_custom(section[len("custom-"):])
        elif target.startswith("pack:"):
            self.show_pack_errors()
        else:
            widget = self.company_form.fields.get(target) or self.company_form.fields.get(target.split(".")[0])
            if widget is not None:
                self.tabs.setCurrentIndex(0)
                if not widget.isEnabled():
                    widget = self.company_form.has_dpo
                self.company_scroll.ensureWidgetVisible(widget)
                widget.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)

    def _focus_search(self) -> None:
        self.ensure_catalog()
        self.checklist.search.setFocus()
        self.checklist.search.selectAll()

    # ================================================================== project lifecycle
    def _show_welcome(self) -> None:
        self.has_project = False
        self.path = None
        self.document = None
        self.undo_stack.clear()
        welcome = self._welcome_page()
        welcome.set_lists(app_settings.recent_files())
        self.stack.setCurrentWidget(welcome)
        for a in (self.act_save, self.act_save_as, self.act_export, self.act_close):
            a.setEnabled(False)
        if self.panes_ready:
            self.preview.clear_document()
            self.findings.set_findings([])
            self.findings_dock.hide()
        self.language_combo.setEnabled(False)
        self.setWindowModified(False)
        self.setWindowTitle(APP_NAME)

    def _welcome_page(self) -> WelcomePage:
        if self.welcome is None:
            from .welcome import WelcomePage

            self.welcome = WelcomePage()
            self.stack.addWidget(self.welcome)
            self.welcome.new_requested.connect(self.new_project)
            self.welcome.open_requested.connect(self.open_dialog)
            self.welcome.example_requested.connect(self.open_example)
            self.welcome.recent_requested.connect(self.open_path)
        return self.welcome

    def set_project(self, project: Project, path: Path | None, modified: bool = False) -> None:
        self.undo_stack.clear()
        self.file_fingerprint = None  # callers that read a file set it afterwards
        lang = project.languages[0] if project.languages and project.languages[0] in ("de", "en") else "de"
        if self.panes_ready:
            self.preview.clear_document()
        self._show_project(path, lang, modified, lambda: self.model.replace(project))
        if modified:
            self.undo_stack.resetClean()

    def adopt_project(self, path: Path | None, doc_language: str, modified: bool) -> None:
        """Like set_project, for a project this window's model already holds (undo kept)."""
        self._show_project(path, doc_language, modified, lambda: self._model_changed(""))

    def _show_project(self, path: Path | None, lang: str, modified: bool, load) -> None:
        self.path = path
        self.has_project = True
        self.stack.setCurrentWidget(self.splitter)
        for a in (self.act_save, self.act_save_as, self.act_export, self.act_close):
            a.setEnabled(True)
        self.language_combo.setEnabled(True)
        self.doc_language = lang
        self.language_combo.blockSignals(True)
        self.language_combo.setCurrentIndex(self.language_combo.findData(lang))
        self.language_combo.blockSignals(False)
        if self.panes_ready:
            self.findings_dock.show()
            self.custom_form.lang = lang
        load()  # refreshes forms and preview
        self.setWindowModified(modified)
        self._update_title()
        self.checks_timer.start()  # after the window is up: checks are not needed for the first paint

    def _update_title(self) -> None:
        name = self.path.name if self.path else self.tr("Untitled")
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current project (saved, discarded or nothing to lose)."""
        if not self.has_project or self.undo_stack.isClean() and not self.isWindowModified():
            return True
        answer = self.ask_unsaved()
        if answer == "save":
            return self.save()
        return answer == "discard"

    def new_project(self) -> None:
        if self.maybe_save():
            self.autosave.remove()
            project = Project()
            project.stand = _dt.date.today().isoformat()
            self.set_project(project, None)

    def open_example(self, path: str = "") -> None:
        if not self.maybe_save():
            return
        self.autosave.remove()
        if path:
            try:
                project = project_io.load(path)
            except Exception as exc:  # noqa: BLE001 - shown, never a traceback
                self.show_error(self.tr("The example cannot be opened"), self._failure_text(exc))
                return
        else:
            from ..core.project import SelectedService

            self.ensure_catalog()
            project = project_io.example_project()
            # a few common services so the example shows what the preview does
            for sid in list(self.catalog.services)[:6]:
                project.services.append(SelectedService(id=sid))
        self.set_project(project, None)  # an example is a template: saving asks for a name

    def open_dialog(self) -> None:
        path = self.ask_open_path()
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> bool:
        if not self.maybe_save():
            return False
        try:
            loaded = project_io.load_file(path)
        except Exception as exc:  # ProjectError says what is wrong; anything else must not be a traceback either
            self.show_error(self.tr("The project cannot be opened"), self._failure_text(exc))
            return False
        self.autosave.remove()
        self.set_project(loaded.project, Path(path).resolve())
        self.file_fingerprint = loaded.fingerprint
        self._add_recent(str(Path(path).resolve()))
        if loaded.warnings:
            self.show_error(self.tr("Please note"), "\n\n".join(loaded.warnings))
        return True

    def _failure_text(self, exc: Exception) -> str:
        if isinstance(exc, ProjectError):
            return str(exc)
        return self.tr("Something went wrong that Policy Editor did not expect (%1). Nothing was changed on disk.") \
            .replace("%1", f"{type(exc).__name__}: {str(exc)[:200]}")

    def save(self) -> bool:
        if not self.has_project:
            return False
        if self.path is None:
            return self.save_as()
        return self._write(self.path)

    def save_as(self) -> bool:
        if not self.has_project:
            return False
        path = self.ask_save_path()
        if not path:
            return False
        if not path.endswith(".json"):
            path += project_io.SUFFIX
        return self._write(Path(path).resolve())

    def _write(self, path: Path) -> bool:
        """Save to ``path``; False (the user was told why) when it did not happen. Asks before
        overwriting a file another program changed since it was opened, or a read-only file."""
        expected = self.file_fingerprint if path == self.path else None  # Save As: the file dialog asked
        replace_readonly = False
        while True:
            try:
                saved = project_io.save(self.model.project, path, expected=expected, replace_readonly=replace_readonly)
                break
            except FileChangedError:
                answer = self.ask_file_changed(path)
                if answer == "save_as":
                    return self.save_as()
                if answer != "overwrite":
                    return False
                expected = None
            except ReadOnlyFileError:
                if not self.ask_replace_readonly(path):
                    return False
                replace_readonly = True
            except Exception as exc:  # every failure is shown: the window stays open, the project modified
                self.show_error(self.tr("The project was not saved"),
                                self._failure_text(exc) + " "
                                + self.tr("Your changes are still open here; try another folder with Save As."))
                return False
        self.file_fingerprint = saved.fingerprint
        if saved.warnings:
            self.show_error(self.tr("The project was saved without a backup"), "\n\n".join(saved.warnings))
        self.path = path
        self.undo_stack.setClean()
        self.setWindowModified(False)
        self.autosave.remove()
        self._update_title()
        self._add_recent(str(path))
        self.statusBar().showMessage(self.tr("Saved to %1").replace("%1", str(path)), 5000)
        return True

    def close_project(self) -> None:
        if self.maybe_save():
            self.autosave.remove()
            self._show_welcome()

    # ================================================================== autosave / recovery
    def autosave_now(self) -> Path | None:
        if not self.has_project or self.undo_stack.isClean() and not self.isWindowModified():
            return None
        try:
            return self.autosave.write(self.model.project, str(self.path or ""), self.file_fingerprint)
        except Exception as exc:  # noqa: BLE001 - a timer slot must not raise; the user is told
            self.statusBar().showMessage(self.tr("Autosave failed: %1").replace("%1", self._failure_text(exc)), 8000)
            return None

    def offer_recovery(self) -> bool:
        """Called once after start: restore work a crashed session left behind. An autosave
        that cannot be read is reported and kept (never deleted), and does not stop the others
        from being offered; those not restored now stay for the next start unless discarded."""
        for orphan in self.autosave.orphans():
            try:
                project = orphan.load()
            except Exception as exc:  # noqa: BLE001 - kept on disk, reported, the next one is offered
                self.show_error(self.tr("Unsaved changes cannot be restored"),
                                self.tr("The autosave %1 cannot be read: %2 It was kept, in case it can be "
                                        "rescued by hand.").replace("%1", str(orphan.project_file))
                                .replace("%2", self._failure_text(exc)))
                continue
            what = orphan.original or self.tr("a new project")
            when = QLocale().toString(orphan.time, QLocale.FormatType.ShortFormat)
            answer = self.ask_restore(self.tr("Restore unsaved changes from %1 to %2?").replace("%1", when).replace("%2", what))
            if answer:
                orphan.discard()
                self.set_project(project, Path(orphan.original) if orphan.original else None, modified=True)
                self.file_fingerprint = orphan.fingerprint  # saving asks if the file changed meanwhile
                self.autosave_now()  # the restored work is now this session's autosave
                return True
            orphan.discard()
        return False

    # ================================================================== dialogs (tests override)
    def ask_unsaved(self) -> str:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME,
                          self.tr("Do you want to save the changes to %1?").replace(
                              "%1", self.path.name if self.path else self.tr("the new project")),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setInformativeText(self.tr("If you don't save, your changes will be lost."))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        result = box.exec()
        return {QMessageBox.StandardButton.Save: "save", QMessageBox.StandardButton.Discard: "discard"}.get(
            QMessageBox.StandardButton(result), "cancel")

    def ask_restore(self, question: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, APP_NAME, question, QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText(self.tr("Policy Editor was not closed properly last time. "
                                       "Restoring opens these changes as unsaved work; discarding deletes them."))
        restore = box.addButton(self.tr("&Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(restore)
        box.exec()
        return box.clickedButton() is restore

    def ask_file_changed(self, path: Path) -> str:
        """"overwrite", "save_as" or "cancel" for a file another program changed since it was opened."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME,
                          self.tr("The file was changed by another program since you opened it."),
                          QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText(self.tr("Overwriting %1 replaces those changes with yours. Save As keeps both.")
                               .replace("%1", path.name))
        overwrite = box.addButton(self.tr("&Overwrite"), QMessageBox.ButtonRole.DestructiveRole)
        save_as = box.addButton(self.tr("Save &As…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save_as)
        box.exec()
        return {overwrite: "overwrite", save_as: "save_as"}.get(box.clickedButton(), "cancel")

    def ask_replace_readonly(self, path: Path) -> bool:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME,
                          self.tr("%1 is read-only. Overwrite it anyway?").replace("%1", path.name),
                          QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText(self.tr("The file stays read-only afterwards. Choose Cancel and then Save As "
                                       "to keep it unchanged."))
        overwrite = box.addButton(self.tr("&Overwrite"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is overwrite

    def ask_open_path(self) -> str:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open project"), self._last_folder(),
                                              self.tr("Policy Editor projects (*.policy.json *.json);;All files (*)"))
        return path

    def ask_save_path(self) -> str:
        from PySide6.QtWidgets import QFileDialog

        start = str(self.path) if self.path else str(Path(self._last_folder()) / (self.tr("privacy-policy") + project_io.SUFFIX))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save project"), start,
                                              self.tr("Policy Editor projects (*.policy.json)"))
        return path

    def show_error(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, title, title, QMessageBox.StandardButton.Ok, self)
        box.setInformativeText(text)
        box.exec()

    def _last_folder(self) -> str:
        recent = app_settings.recent_files()
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    def show_pack_errors(self) -> None:
        if self.catalog is None or not self.catalog.errors:
            return
        lines = "\n".join(str(e) for e in self.catalog.errors[:20])
        self.show_error(self.tr("Some clause packs could not be loaded completely"),
                        self.tr("The services and texts from these files are missing until the pack is fixed. "
                                "Everything else works.\n\n%1").replace("%1", lines))

    def export_dialog(self) -> None:
        if not self.has_project:
            return
        from .export_dialog import ExportDialog

        self.ensure_catalog()
        dialog = ExportDialog(self.catalog, self.model.project, self.path, self)
        dialog.done.connect(lambda: self.record_exports(dialog.finished_jobs or []))
        dialog.exec()

    def record_exports(self, jobs) -> None:
        """Note written files in the project's export history ("what changed since the last
        export" for agencies); an undoable step like any other change."""
        from ..core.export_history import record_export

        stamp = _dt.datetime.now()
        records = []
        for job in jobs:
            if job.error or not job.path.exists():
                continue
            records.append(record_export(job.path, job.format, job.lang, fragment=bool(job.options.get("fragment")), when=stamp))
        if records:
            history = self.model.get("export_history") + records
            self.push("export_history", history, self.tr("Record export"))

    def about(self) -> None:
        from .about import show_about

        self.ensure_catalog()
        show_about(self, self.catalog)

    def set_ui_language(self, code: str) -> None:
        app_settings.set_value("ui_language", code)
        self.switch_ui_language(code)

    def switch_ui_language(self, code: str) -> "MainWindow":
        """Show the interface in ``code`` now: a new window, built under the new translators,
        takes over project, file, undo history and autosave; this one closes quietly."""
        from PySide6.QtWidgets import QApplication

        from .app import install_translators

        lang = code if code in ("de", "en") else None
        if lang is None:
            from .app import ui_language

            lang = ui_language()
        if lang == self.ui_language:
            return self
        install_translators(QApplication.instance(), lang)
        successor = MainWindow(self.catalog, ui_language=lang, takeover=self, defer_catalog=self.catalog is None)
        successor.persist_state = self.persist_state
        successor.setGeometry(self.geometry())
        successor.splitter.restoreState(self.splitter.saveState())
        if self.has_project:
            successor.adopt_project(self.path, self.doc_language, self.isWindowModified())
        else:
            successor._show_welcome()
        successor.show()
        QApplication.instance()._policy_main_window = successor  # the only strong reference
        self._replaced = True
        self.close()
        self.deleteLater()
        return successor


    # ================================================================== recent files
    def _add_recent(self, path: str) -> None:
        app_settings.add_recent(path)
        self._rebuild_recent_menu()

    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = app_settings.recent_files()
        for n, path in enumerate(files, start=1):
            action = self.recent_menu.addAction(f"&{n} {Path(path).name}")
            action.setToolTip(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_path(p))
        self.recent_menu.setEnabled(bool(files))
        if files:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("&Clear list"), self._clear_recent)

    def _clear_recent(self) -> None:
        app_settings.clear_recent()
        self._rebuild_recent_menu()
        if self.welcome is not None:
            self.welcome.set_lists([])

    # ================================================================== window events
    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if self._dropped_path(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        path = self._dropped_path(event.mimeData())
        if path:
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.open_path(path))  # not inside the drag: it may show dialogs

    @staticmethod
    def _dropped_path(mime) -> str:
        for url in mime.urls() if mime.hasUrls() else []:
            if url.isLocalFile() and url.toLocalFile().lower().endswith(".json"):
                return url.toLocalFile()
        return ""

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if getattr(self, "_replaced", False):  # handed over to a window in another language
            event.accept()
            return
        if not self.maybe_save():
            event.ignore()
            return
        self.autosave.remove()
        if self.persist_state:
            self._save_window_state()
        event.accept()

    def _save_window_state(self) -> None:
        s = app_settings.settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/splitter", self.splitter.saveState())

    def _restore_window_state(self) -> None:
        s = app_settings.settings()
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            screen = QApplication.primaryScreen()
            if screen is not None:
                available = screen.availableGeometry()
                self.resize(min(1400, available.width() - 40), min(900, available.height() - 40))
        state = s.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        splitter = s.value("window/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)

    def open_folder(self, folder: Path) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def _holder() -> QWidget:
    """A tab page whose content _build_panes adds."""
    page = QWidget()
    QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
    return page


def _placeholder(text: str) -> QLabel:
    label = QLabel(text)
    label.setIndent(12)
    label.setEnabled(False)  # greyed: a state, not content
    return label

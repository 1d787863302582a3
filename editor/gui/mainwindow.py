"""The main window: checklist | forms | live preview, findings below — layout and wiring only.

Built once, in one pass. Its parts hold the behaviour:
  model.py        ProjectModel and SetCommand (every edit, typed targets from targets.py)
  session.py      FileSession: new/open/save/close, recent files, autosave, crash recovery
  prompts.py      Prompts: the message boxes and file dialogs (tests answer them)
  actions.py      MainActions: actions, menus, toolbar
  live_policy.py  LivePolicy: compose → preview, checks → findings and status bar
  navigation.py   Navigator: a target → the widget where it is fixed
  translation.py  the interface language; a switch reaches every widget's retranslateUi()
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDockWidget, QLabel, QMainWindow, QSplitter, QStackedWidget, QTabWidget, QWidget,
)

from .. import APP_NAME
from ..core.project import Project, SelectedService
from . import fit, translation
from . import settings as app_settings
from .actions import MainActions
from .checklist import ServiceChecklist
from .company_form import CompanyForm, wrap
from .findings import FindingsList
from .forms import CustomSectionsForm, ServiceOptionsForm
from .icons import app_icon
from .live_policy import LivePolicy, offer_languages
from .model import GroupCommand, ProjectModel, SetCommand
from .navigation import Navigator
from .preview import Preview
from .prompts import Prompts
from .session import FileSession
from .targets import EXPORT_HISTORY, OWN_SERVICES, STAND, EditTarget, ProjectField, ServiceTarget
from .welcome import WelcomePage


class MainWindow(QMainWindow):
    def __init__(self, catalog=None, ui_language: str = "en", parent: QWidget | None = None,
                 defer_catalog: bool = False, start_page: bool = True) -> None:
        """``defer_catalog``: the clause packs load later (``load_catalog``, after the window is
        shown); ``start_page`` False: a project is about to be opened, skip filling the start page."""
        super().__init__(parent)
        self.ui_language = ui_language
        self.persist_state = True  # off for screenshots: they must not change the user's layout
        self.catalog = None  # until load_catalog
        self.suggestions_dialog = None  # the open scan or import dialog
        self.model = ProjectModel(Project(), self)
        self.undo_stack = QUndoStack(self)
        self.prompts = Prompts(self)
        self.session = FileSession(self.model, self.undo_stack, self.prompts, self.ensure_catalog, self)
        self._build_layout()
        self.act = MainActions(self, self.undo_stack, self.language_combo, app_settings.value("ui_language", "system"))
        self.act.view_menu.addAction(self.findings_dock.toggleViewAction())
        self.live = LivePolicy(self.model, self.preview, self.findings, self.status_findings, self.statusBar(),
                               ui_language, self)
        self.navigator = Navigator(self.tabs, self.company_form, self.company_scroll, self.checklist,
                                   self.options_form, self.custom_form, self.preview,
                                   lambda: self.model.project.service_ids(), self.show_pack_errors)
        self._wire()
        self.setAcceptDrops(True)
        self.setWindowIcon(app_icon())
        if not app_settings.value("window/splitter"):  # a first start: the columns' shares of the width
            fit.share_on_first_show(self.splitter)
        self._fit_findings = not app_settings.restore_window_state(self, self.splitter)  # else the user's height
        self.retranslateUi()
        self.show_start_page(fill=start_page)
        if catalog is None and not defer_catalog:
            from ..core.catalog_cache import default_catalog

            catalog = default_catalog()
        if catalog is not None:
            self._use_catalog(catalog)

    # ================================================================== layout
    def _build_layout(self) -> None:
        self.company_form = CompanyForm(self.model, self.push)
        self.company_scroll = wrap(self.company_form)
        self.options_form = ServiceOptionsForm(self.model, self.push, self.ui_language)
        self.custom_form = CustomSectionsForm(self.model, self.push)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setMinimumWidth(380)  # narrow: its forms put the labels above the fields (fit.py)
        for page in (self.company_scroll, wrap(self.options_form), self.custom_form):
            self.tabs.addTab(page, "")
        self.checklist = ServiceChecklist()
        self.checklist.setMinimumWidth(220)
        chars = self.tabs.fontMetrics().averageCharWidth()
        self.checklist.setMaximumWidth(chars * 80)  # on a 4K screen the preview takes the rest,
        self.tabs.setMaximumWidth(chars * 120)  # not a form with fields a metre long
        self.preview = Preview()
        self.preview.setMinimumWidth(320)
        self.splitter = QSplitter()  # horizontal
        self.splitter.setChildrenCollapsible(False)
        for index, (widget, stretch) in enumerate(zip((self.checklist, self.tabs, self.preview), fit.STRETCH)):
            self.splitter.addWidget(widget)
            self.splitter.setStretchFactor(index, stretch)
        self.form_fitter = fit.FormFitter(self.tabs)
        self.welcome = WelcomePage()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.welcome)
        self.setCentralWidget(self.stack)

        self.findings = FindingsList()
        self.findings.setMinimumHeight(self.findings.fontMetrics().height() * 2)  # one finding: one row (fit.py)
        self.findings_dock = QDockWidget(self)
        self.findings_dock.setObjectName("findings")
        self.findings_dock.setWidget(self.findings)
        self.findings_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                                       | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.findings_dock)
        self.status_findings = QLabel()
        self.statusBar().addPermanentWidget(self.status_findings)
        self.language_combo = QComboBox()  # the document language; MainActions puts it in the toolbar
        self.language_combo.addItem("Deutsch", "de")
        self.language_combo.addItem("English", "en")

    def _wire(self) -> None:
        a, s, nav = self.act, self.session, self.navigator
        for action, slot in ((a.new, s.new_project), (a.open, s.open_dialog), (a.save, s.save), (a.save_as, s.save_as),
                             (a.export, self.export_dialog), (a.close, s.close_project), (a.quit, self.close),
                             (a.find, self._focus_search), (a.about, self.about), (a.guide, self.show_guide),
                             (a.scan, self.scan_dialog),
                             (a.import_policy, self.import_dialog)):
            action.triggered.connect(slot)
        a.recent_chosen.connect(s.open_path)
        a.recent_cleared.connect(s.clear_recent)
        a.ui_language_chosen.connect(translation.choose_language)
        s.changed.connect(self._session_changed)
        s.recent_changed.connect(self._recent_changed)
        s.message.connect(self.statusBar().showMessage)
        self.welcome.new_requested.connect(s.new_project)
        self.welcome.open_requested.connect(s.open_dialog)
        self.welcome.example_requested.connect(s.open_example)
        self.welcome.guide_requested.connect(self.show_guide)
        self.welcome.recent_requested.connect(s.open_path)
        self.model.changed.connect(self._model_changed)
        self.undo_stack.cleanChanged.connect(self._clean_changed)  # a bound slot: dropped with the window
        self.checklist.toggled.connect(self.toggle_service)
        self.checklist.current_changed.connect(nav.service_highlighted)
        self.checklist.describe_requested.connect(self.describe_service)
        self.checklist.edit_requested.connect(self.edit_own_service)
        self.options_form.tick_requested.connect(self.toggle_service)
        self.preview.sectionClicked.connect(nav.preview_clicked)
        self.findings.activated_target.connect(nav.go)
        self.findings.task_done.connect(self.mark_task)
        self.language_combo.currentIndexChanged.connect(
            lambda _i: self.live.set_document_language(self.language_combo.currentData()))
        self.live.document_language_changed.connect(self._document_language_shown)
        self.live.languages_changed.connect(lambda langs: offer_languages(self.language_combo, langs))
        self._findings_timer = QTimer(self, singleShot=True, interval=0)  # once the rows are laid out
        self._findings_timer.timeout.connect(self.fit_findings)
        self.findings.model().modelReset.connect(self._findings_timer.start)
        self.findings.model().rowsInserted.connect(self._findings_timer.start)

    # ================================================================== interface language
    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            lang = translation.language()
            if lang in translation.LANGUAGES and lang != self.ui_language:
                self._show_ui_language(lang)
            self.retranslateUi()  # the child widgets retranslate themselves on the same event
        super().changeEvent(event)

    def retranslateUi(self) -> None:  # noqa: N802 - Qt's name
        for index, text in enumerate((self.tr("&Company"), self.tr("Se&rvice"), self.tr("Own se&ctions"))):
            self.tabs.setTabText(index, text)
        self.findings_dock.setWindowTitle(self.tr("Findings"))
        self.preview.setAccessibleName(self.tr("Preview of the privacy policy"))
        self.preview.setPlaceholderText(self.tr("Preparing the preview…"))  # until the first compose
        self.language_combo.setAccessibleName(self.tr("Document language"))
        self.language_combo.setToolTip(self.tr("Language of the policy shown in the preview"))
        self.act.retranslateUi()
        self._update_title()

    def _show_ui_language(self, lang: str) -> None:
        """Catalog names and the findings' messages follow the interface language too."""
        self.ui_language = self.live.ui_language = lang
        if self.catalog is not None:
            self.checklist.set_catalog(self.project_catalog(), lang)
        self.options_form.set_language(lang)
        self.live.run_checks()

    # ================================================================== editing
    def push(self, target: EditTarget, value: Any, text: str, session: int | None = None) -> None:
        """Every change to the project goes through here (and so onto the undo stack)."""
        if not self.session.has_project:
            return
        command = SetCommand(self.model, target, value, text, session)
        if command.cut:
            self.statusBar().showMessage(self.tr("The text was cut to the most characters Policy Editor accepts "
                                                 "for this field."), 8000)
        if command.old == command.new and session is None:
            return
        self.undo_stack.push(command)

    def apply_changes(self, changes: list, text: str) -> bool:
        """Several changes (a scan's or an import's confirmed suggestions) as one undo step."""
        if not self.session.has_project:
            return False
        command = GroupCommand(self.model, changes, text)
        if not command.parts:
            return False
        self.undo_stack.push(command)
        return True

    def mark_task(self, task: str, done: bool) -> None:
        """A task of the to-do list ticked or unticked: recorded in the project, undoably."""
        current = [t for t in self.model.project.tasks_done if t != task]
        self.push(ProjectField("tasks_done"), current + [task] if done else current,
                  self.tr("Mark task as done") if done else self.tr("Mark task as open"))

    def toggle_service(self, sid: str, ticked: bool) -> None:
        service = self.project_catalog().services.get(sid) if self.catalog is not None else None
        name = service.name(self.ui_language) if service else sid
        target = ServiceTarget(sid)
        current = self.model.get(target)
        if ticked and current is None:
            index = len(self.model.project.services)
            pack = self.project_catalog().service_pack.get(sid, "")
            self.push(target, (index, SelectedService(id=sid, pack=pack)), self.tr("Add %1").replace("%1", name))
            self.preview.scroll_to(f"service-{sid}")  # show what the tick added (composed already)
        elif not ticked and current is not None:
            self.push(target, None, self.tr("Remove %1").replace("%1", name))

    def _clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)

    def _model_changed(self, target: EditTarget | None) -> None:
        if target is None:  # a new project
            self.live.project_replaced()
            self.form_fitter.measure()  # its texts were not typed: the forms fit them
        self.company_form.refresh(target)
        if self.catalog is not None and (target is None or target == OWN_SERVICES):
            self._show_catalog()  # the checklist and the options show the project's own services too
        if target is None or isinstance(target, ServiceTarget):
            self.checklist.set_selected(set(self.model.project.service_ids()))
        self.options_form.refresh(target)
        self.custom_form.refresh(target)
        self.live.changed()

    def _document_language_shown(self, lang: str) -> None:
        self.language_combo.blockSignals(True)
        self.language_combo.setCurrentIndex(self.language_combo.findData(lang))
        self.language_combo.blockSignals(False)
        self.custom_form.set_language(lang)

    # ================================================================== catalog
    def load_catalog(self, catalog=None, preview_later: bool = False) -> None:
        """Load the clause packs (unless given), fill checklist and options, and compose the
        preview — with ``preview_later`` (startup) in the next turn of the event loop, so that
        the checklist is painted first."""
        if catalog is None:
            from ..core.catalog_cache import default_catalog

            catalog = default_catalog()
        self._use_catalog(catalog, preview_later)
        if catalog.errors:
            self.show_pack_errors()

    def _use_catalog(self, catalog, preview_later: bool = False) -> None:
        self.catalog = self.live.catalog = catalog
        self._show_catalog()
        QTimer.singleShot(0, self.live.changed) if preview_later else self.live.changed()

    def project_catalog(self):
        """The catalog as the project sees it: with the user's own services (never changed itself)."""
        from ..core.own_services import overlay

        return overlay(self.catalog, self.model.project)

    def _show_catalog(self) -> None:
        catalog = self.project_catalog()
        self.checklist.set_catalog(catalog, self.ui_language)
        self.checklist.set_selected(set(self.model.project.service_ids()))
        self.options_form.set_catalog(catalog)

    # ================================================================== own services
    def describe_service(self, hint: str = "", parent: QWidget | None = None) -> None:
        """The own-service form for a new service, its name prefilled with ``hint``."""
        self._open_own_service(None, hint, parent)

    def edit_own_service(self, sid: str) -> None:
        index = next((n for n, r in enumerate(self.model.project.own_services)
                      if isinstance(r, dict) and r.get("id") == sid), None)
        if index is not None:
            self._open_own_service(index)

    def _open_own_service(self, index: int | None, hint: str = "", parent: QWidget | None = None) -> None:
        if not self.session.has_project:
            return
        from ..core.own_services import display_name
        from .own_service_form import OwnServiceDialog, own_service_changes

        project = self.model.project
        original = project.own_services[index] if index is not None else None
        dialog = OwnServiceDialog(self.ensure_catalog(), project, original, hint, self.ui_language, parent or self)
        self.own_service_dialog = dialog  # tests reach it here

        def finished(result: int) -> None:
            if self.own_service_dialog is dialog:
                self.own_service_dialog = None
            dialog.deleteLater()
            if result != QDialog.DialogCode.Accepted:
                return
            record = None if dialog.deleted else dialog.result_record
            name = display_name(original if record is None else record)
            text = (self.tr("Delete %1") if record is None else self.tr("Describe %1") if index is None
                    else self.tr("Edit %1")).replace("%1", name)
            if self.apply_changes(own_service_changes(self.model.project, record, index), text) and record:
                self.preview.scroll_to(f"service-{record['id']}")  # show what it wrote, as a tick does
        dialog.finished.connect(finished)
        dialog.open()

    def ensure_catalog(self):
        if self.catalog is None:
            self.load_catalog()
        return self.catalog

    def show_pack_errors(self) -> None:
        if self.catalog is None or not self.catalog.errors:
            return
        lines = "\n".join(str(e) for e in self.catalog.errors[:20])
        self.prompts.show_error(self.tr("Some clause packs could not be loaded completely"),
                                self.tr("The services and texts from these files are missing until the pack is fixed. "
                                        "Everything else works.\n\n%1").replace("%1", lines))

    # ================================================================== what the session shows
    def _session_changed(self) -> None:
        if not self.session.has_project:
            self.show_start_page()
            return
        self.stack.setCurrentWidget(self.splitter)
        self.act.set_project_open(True)
        self.language_combo.setEnabled(True)
        self.findings_dock.show()
        self.live.set_active(True)
        self._update_title()

    def show_start_page(self, fill: bool = True) -> None:
        """No project: the start page (with ``fill``, its recent files and examples)."""
        if fill:
            self.welcome.set_lists(app_settings.recent_files())
        self.stack.setCurrentWidget(self.welcome)
        self.act.set_project_open(False)
        self.language_combo.setEnabled(False)
        self.findings_dock.hide()
        self.live.set_active(False)
        self._update_title()

    def _recent_changed(self, files: list[str]) -> None:
        self.act.set_recent(files)
        if self.stack.currentWidget() is self.welcome:
            self.welcome.set_lists(files)

    def _update_title(self) -> None:
        if not self.session.has_project:
            self.setWindowTitle(APP_NAME)
            return
        name = self.session.path.name if self.session.path else self.tr("Untitled")
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")

    # ================================================================== dialogs
    def _focus_search(self) -> None:
        self.ensure_catalog()
        self.checklist.search.setFocus()
        self.checklist.search.selectAll()

    def export_dialog(self) -> None:
        if not self.session.has_project:
            return
        from .export_dialog import ExportDialog

        from ..core.own_services import unknown_selected

        unknown = unknown_selected(self.ensure_catalog(), self.model.project)
        if unknown:  # the policy would lack them without saying so
            self.prompts.show_error(self.tr("The policy cannot be exported yet"),
                                    self.tr("No installed clause pack knows the selected service(s) %1. Install the "
                                            "pack again or remove the service from the project.")
                                    .replace("%1", ", ".join(_named(self.model.project.selected(sid)) for sid in unknown)))
            return
        dialog = ExportDialog(self.ensure_catalog(), self.model.project, self.session.path, self)
        dialog.done.connect(lambda: self.record_exports(dialog.finished_jobs or []))
        dialog.stand_updated.connect(lambda iso: self.push(STAND, iso, self.tr("Date (Stand)")))
        dialog.exec()

    def scan_dialog(self) -> None:
        if not self.session.has_project:
            return
        from .scan_dialog import ScanDialog

        dialog = ScanDialog(self.ensure_catalog(), self.model.project, self.apply_changes, self.ui_language, self)
        dialog.describe_requested.connect(lambda host: self.describe_service(host, dialog))
        self.open_suggestions(dialog)

    def import_dialog(self, path: str = "") -> None:
        if not self.session.has_project:
            return
        path = path or self.prompts.ask_import_path(app_settings.value("import/folder", str(Path.home())))
        if not path:
            return
        app_settings.set_value("import/folder", str(Path(path).parent))
        from .import_dialog import ImportDialog

        dialog = ImportDialog(self.ensure_catalog(), self.model.project, self.apply_changes, self.ui_language, path, self)
        dialog.start()
        self.open_suggestions(dialog)

    def open_suggestions(self, dialog) -> None:
        """Show a scan or import dialog, window-modal without blocking here (the work inside runs
        in a worker thread); it applies its changes through ``apply_changes``."""
        self.suggestions_dialog = dialog  # tests reach it here

        def closed() -> None:
            if self.suggestions_dialog is dialog:
                self.suggestions_dialog = None
            dialog.deleteLater()
        dialog.finished.connect(closed)
        dialog.open()

    def record_exports(self, jobs) -> None:
        """Note written files in the project's export history ("what changed since the last
        export" for agencies) — not as an edit: exporting must not make closing ask "Save
        changes?". A project with a file gets the record in that file at once (nothing else of
        it is written); where that fails the record becomes an undoable change, saved next time."""
        import datetime as _dt

        from ..core.export_history import record_export

        stamp = _dt.datetime.now()
        records = []
        for job in jobs:
            if job.error or not job.path.exists():
                continue
            records.append(record_export(job.path, job.format, job.lang, fragment=bool(job.options.get("fragment")),
                                         when=stamp, project_file=self.session.path))
        if not records:
            return
        history = self.model.get(EXPORT_HISTORY) + records
        if self.session.path is None or self.session.note_exports(records):
            self.model.set(EXPORT_HISTORY, history)
        else:
            self.push(EXPORT_HISTORY, history, self.tr("Record export"))

    def about(self) -> None:
        from .about import show_about

        show_about(self, self.ensure_catalog(), self.ui_language)

    def show_guide(self) -> None:
        from .help import GuideDialog

        self.guide_dialog = GuideDialog(self.ui_language, self)  # tests reach it here
        self.guide_dialog.open()

    # ================================================================== window size
    def fit_findings(self) -> None:
        """The findings dock as tall as its rows (at most a quarter of the window), until the
        user drags it to a height of their own."""
        dock = self.findings_dock
        if not self._fit_findings or not dock.isVisible():
            return
        height = fit.list_height(self.findings, self.height() // 4) + dock.height() - self.findings.height()
        if abs(height - dock.height()) > 2:
            self.resizeDocks([dock], [height], Qt.Orientation.Vertical)

    def event(self, event) -> bool:
        # a press on the window itself, not on a child, grabs a separator: from then on the
        # user decides the findings' height
        if event.type() == QEvent.Type.MouseButtonPress and self.childAt(event.position().toPoint()) is None:
            self._fit_findings = False
        return super().event(event)

    # ================================================================== window events
    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if _dropped_path(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        path = _dropped_path(event.mimeData())
        if path:
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.session.open_path(path))  # not inside the drag: it may show dialogs

    def closeEvent(self, event) -> None:  # noqa: N802
        if not self.session.maybe_save():
            event.ignore()
            return
        self.session.autosave.remove()
        if self.persist_state:
            app_settings.save_window_state(self, self.splitter)
        event.accept()


def _named(selected) -> str:
    return f"“{selected.id}” ({selected.pack})" if selected.pack else f"“{selected.id}”"


def _dropped_path(mime) -> str:
    for url in mime.urls() if mime.hasUrls() else []:
        if url.isLocalFile() and url.toLocalFile().lower().endswith(".json"):
            return url.toLocalFile()
    return ""

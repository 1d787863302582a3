"""The main window: checklist | forms | live preview, findings below — layout and wiring only.

Built once, in one pass. Its parts hold the behaviour:
  model.py        ProjectModel and SetCommand (every edit, typed targets from targets.py)
  editing.py      Editing: the panes' edits as undo commands (push, apply_changes, ticks, tasks)
  session.py      FileSession: new/open/save/close, recent files, autosave, crash recovery
  prompts.py      Prompts: the message boxes and file dialogs (tests answer them)
  actions.py      MainActions: actions, menus, toolbar
  live_policy.py  LivePolicy: compose → preview, checks → findings and status bar
  dialogs.py      WindowDialogs: own services, export (and its history), scan, import, About, guide
  fit.py          the columns' widths, the forms' label placement, the findings dock's height
  navigation.py   Navigator: a target → the widget where it is fixed
  translation.py  the interface language; a switch reaches every widget's retranslateUi()
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDockWidget, QLabel, QMainWindow, QSplitter, QStackedWidget, QTabWidget, QWidget,
)

from .. import APP_NAME
from ..core.project import Project
from . import fit, translation
from . import settings as app_settings
from .actions import MainActions
from .checklist import ServiceChecklist
from .company_form import CompanyForm, wrap
from .dialogs import WindowDialogs
from .editing import Editing
from .findings import FindingsList
from .forms import CustomSectionsForm, ServiceOptionsForm
from .icons import app_icon
from .document_language import DocumentLanguageBox
from .live_policy import LivePolicy
from .model import ProjectModel
from .navigation import Navigator
from .preview import Preview
from .prompts import Prompts
from .session import FileSession
from .targets import OWN_SERVICES, EditTarget, ServiceTarget

if TYPE_CHECKING:
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
        self.model = ProjectModel(Project(), self)
        self.undo_stack = QUndoStack(self)
        self.prompts = Prompts(self)
        self.editing = Editing(self)
        self.session = FileSession(self.model, self.undo_stack, self.prompts, self.ensure_catalog, self)
        self._build_layout()
        self.dialogs = WindowDialogs(self)
        self.act = MainActions(self, self.undo_stack, self.language_combo, app_settings.value("ui_language", "system"))
        self.act.view_menu.addAction(self.findings_dock.toggleViewAction())
        self.live = LivePolicy(self.model, self.preview, self.findings, self.status_findings, self.statusBar(),
                               ui_language, self)
        self.navigator = Navigator(self.tabs, self.company_form, self.company_scroll, self.checklist,
                                   self.options_form, self.custom_form, self.preview,
                                   lambda: self.model.project.service_ids(), self.dialogs.show_pack_errors,
                                   self.dialogs.fix_service)
        self._wire()
        self.setAcceptDrops(True)
        self.setWindowIcon(app_icon())
        if not app_settings.value("window/splitter"):  # a first start: the columns' shares of the width
            fit.share_on_first_show(self.splitter)
        user_sized = app_settings.restore_window_state(self, self.splitter)  # the user's findings height too
        self.findings_fitter = fit.DockFitter(self, self.findings_dock, self.findings, user_sized)
        self.retranslateUi()
        self.show_start_page(fill=start_page)
        if catalog is None and not defer_catalog:
            from ..core.catalog_cache import default_catalog

            catalog = default_catalog()
        if catalog is not None:
            self._use_catalog(catalog)

    # ================================================================== layout
    def _build_layout(self) -> None:
        self.company_form = CompanyForm(self.model, self.push, self.apply_changes)
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
        self._welcome = None  # the start page, built when first shown (see ``welcome``)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.splitter)
        self.setCentralWidget(self.stack)

        self.findings = FindingsList()
        self.findings.setMinimumHeight(self.findings.fontMetrics().height() * 2)  # its height: fit.py
        self.findings_dock = QDockWidget(self)
        self.findings_dock.setObjectName("findings")
        self.findings_dock.setWidget(self.findings)
        self.findings_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                                       | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.findings_dock)
        self.status_findings = QLabel()
        self.statusBar().addPermanentWidget(self.status_findings)
        self.language_combo = DocumentLanguageBox()  # MainActions puts it in the toolbar

    def _wire(self) -> None:
        a, s, nav, d = self.act, self.session, self.navigator, self.dialogs
        for action, slot in ((a.new, s.new_project), (a.open, s.open_dialog), (a.save, s.save), (a.save_as, s.save_as),
                             (a.export, d.export_dialog), (a.close, s.close_project), (a.quit, self.close),
                             (a.find, self._focus_search), (a.about, d.about), (a.guide, d.show_guide),
                             (a.scan, d.scan_dialog),
                             (a.import_policy, d.import_dialog)):
            action.triggered.connect(slot)
        a.recent_chosen.connect(s.open_path)
        a.recent_cleared.connect(s.clear_recent)
        a.ui_language_chosen.connect(translation.choose_language)
        s.changed.connect(self._session_changed)
        s.recent_changed.connect(self._recent_changed)
        s.message.connect(self.statusBar().showMessage)
        self.company_form.address_paste.message.connect(lambda text: self.statusBar().showMessage(text, 15000))
        self.model.changed.connect(self._model_changed)
        self.undo_stack.cleanChanged.connect(self._clean_changed)  # a bound slot: dropped with the window
        self.checklist.toggled.connect(self.editing.toggle_service)
        self.checklist.current_changed.connect(nav.service_highlighted)
        self.checklist.describe_requested.connect(d.describe_service)
        self.checklist.edit_requested.connect(d.edit_own_service)
        self.options_form.tick_requested.connect(self.editing.toggle_service)
        self.preview.sectionClicked.connect(nav.preview_clicked)
        self.findings.activated_target.connect(nav.go)
        self.findings.task_done.connect(self.editing.mark_task)
        self.language_combo.currentIndexChanged.connect(
            lambda _i: self.live.set_document_language(self.language_combo.currentData()))
        self.live.document_language_changed.connect(self._document_language_shown)
        self.live.languages_changed.connect(self.language_combo.offer)

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
        self.act.retranslateUi()
        self._update_title()

    def _show_ui_language(self, lang: str) -> None:
        """Catalog names and the findings' messages follow the interface language too."""
        self.ui_language = self.live.ui_language = lang
        if self.catalog is not None:
            self.checklist.set_catalog(self.project_catalog(), lang)
        self.options_form.set_language(lang)
        self.live.run_checks()

    # ================================================================== editing (editing.py)
    # every change goes through these two (forms, dialogs and tests call them on the window)
    push = property(lambda self: self.editing.push)
    apply_changes = property(lambda self: self.editing.apply_changes)

    def _clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)

    def _model_changed(self, target: EditTarget | None) -> None:
        if target is None:  # a new project
            self.live.project_replaced()
            self.form_fitter.measure()  # its texts were not typed: the forms fit them
            self.checklist.search.clear()  # the last project's search would filter this one's list unseen
            self.findings_fitter.refit_next()  # between projects the findings pane may change its height
        self.company_form.refresh(target)
        if self.catalog is not None and (target is None or target == OWN_SERVICES):
            self._show_catalog()  # the checklist and the options show the project's own services too
        if target is None or isinstance(target, ServiceTarget):
            self.checklist.set_selected(set(self.model.project.service_ids()), len(self.unknown_services()))
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
            self.dialogs.show_pack_errors()

    def _use_catalog(self, catalog, preview_later: bool = False) -> None:
        self.catalog = self.live.catalog = catalog
        self._show_catalog()
        QTimer.singleShot(0, self.live.changed) if preview_later else self.live.changed()

    def project_catalog(self):
        """The catalog as the project sees it: with the user's own services (never changed itself)."""
        from ..core.own_services import overlay

        return overlay(self.catalog, self.model.project)

    def unknown_services(self) -> list[str]:
        """Selected services neither a pack nor an own service describes ([] until the catalog is there)."""
        from ..core.own_services import unknown_selected

        return [] if self.catalog is None else unknown_selected(self.catalog, self.model.project)

    def _show_catalog(self) -> None:
        catalog = self.project_catalog()
        self.checklist.set_catalog(catalog, self.ui_language, set(self.model.project.service_ids()),
                                   len(self.unknown_services()))
        self.options_form.set_catalog(catalog)

    def ensure_catalog(self):
        if self.catalog is None:
            self.load_catalog()
        return self.catalog

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

    @property
    def welcome(self) -> WelcomePage:
        """The start page, built the first time it is shown: a start with a project (the usual
        one) never shows it, and its widgets, picture and style sheet cost start-up time."""
        if self._welcome is None:
            from .welcome import WelcomePage

            page = self._welcome = WelcomePage()
            self.stack.addWidget(page)
            s = self.session
            page.new_requested.connect(s.new_project)
            page.open_requested.connect(s.open_dialog)
            page.example_requested.connect(s.open_example)
            page.guide_requested.connect(self.dialogs.show_guide)
            page.recent_requested.connect(s.open_path)
        return self._welcome

    def show_start_page(self, fill: bool = True) -> None:
        """No project: the start page (with ``fill``, its recent files and examples; without,
        a project is about to be opened and the page is not shown)."""
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
        if self._welcome is not None and self.stack.currentWidget() is self._welcome:
            self._welcome.set_lists(files)

    def _update_title(self) -> None:
        if not self.session.has_project:
            self.setWindowTitle(APP_NAME)
            return
        name = self.session.path.name if self.session.path else self.tr("Untitled")
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")

    # ================================================================== dialogs (dialogs.py)
    # the entry points and open dialogs as tests and other parts reach them on the window
    own_service_dialog = property(lambda self: self.dialogs.own_service_dialog)
    suggestions_dialog = property(lambda self: self.dialogs.suggestions_dialog)
    guide_dialog = property(lambda self: self.dialogs.guide_dialog)

    def export_dialog(self) -> None:
        self.dialogs.export_dialog()

    def scan_dialog(self) -> None:
        self.dialogs.scan_dialog()

    def edit_own_service(self, sid: str) -> None:
        self.dialogs.edit_own_service(sid)

    def record_exports(self, jobs) -> None:
        self.dialogs.record_exports(jobs)

    def _focus_search(self) -> None:
        self.ensure_catalog()
        self.checklist.search.setFocus()
        self.checklist.search.selectAll()

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


def _dropped_path(mime) -> str:
    for url in mime.urls() if mime.hasUrls() else []:
        if url.isLocalFile() and url.toLocalFile().lower().endswith(".json"):
            return url.toLocalFile()
    return ""

"""The dialogs the main window opens and what their results change: the own-service form,
export (and the export history it records), site scan, policy import, pack errors, About and
the guide. Each dialog is the window's child; the changes go through the window's undo stack."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QWidget

from . import settings as app_settings
from . import translation
from .targets import EXPORT_HISTORY, STAND, ServiceTarget


class WindowDialogs(QObject):
    """Opens the dialogs of ``window`` (a MainWindow). The open own-service, scan/import and
    guide dialogs are kept here (tests reach them through the window)."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.own_service_dialog = None
        self.suggestions_dialog = None  # the open scan or import dialog
        self.guide_dialog = None

    def describe_service(self, hint: str = "", parent: QWidget | None = None) -> None:
        """The own-service form for a new service, its name prefilled with ``hint``."""
        self._open_own_service(None, hint, parent)

    def fix_service(self, sid: str) -> None:
        """Where a finding about a service is fixed when that is a dialog: a service the user
        described opens in its editor; one that no installed pack knows can be removed (undoably)."""
        window = self.window
        if not window.session.has_project:
            return
        project = window.model.project
        if any(isinstance(r, dict) and r.get("id") == sid for r in project.own_services):  # also one that is invalid
            self.edit_own_service(sid)
        elif (sid not in window.project_catalog().services and project.selected(sid) is not None
              and window.prompts.ask_remove_unknown(sid)):
            window.push(ServiceTarget(sid), None, self.tr("Remove %1").replace("%1", sid))

    def edit_own_service(self, sid: str) -> None:
        index = next((n for n, r in enumerate(self.window.model.project.own_services)
                      if isinstance(r, dict) and r.get("id") == sid), None)
        if index is not None:
            self._open_own_service(index)

    def _open_own_service(self, index: int | None, hint: str = "", parent: QWidget | None = None) -> None:
        if not self.window.session.has_project:
            return
        from ..core.own_services import display_name
        from .own_service_form import OwnServiceDialog
        from .own_service_record import own_service_changes

        project = self.window.model.project
        original = project.own_services[index] if index is not None else None
        window = self.window
        dialog = OwnServiceDialog(window.ensure_catalog(), project, original, hint, window.ui_language, parent or window)
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
            if self.window.apply_changes(own_service_changes(self.window.model.project, record, index), text) and record:
                # the service tab and the preview show what it wrote, as choosing it in the list does
                self.window.navigator.go(ServiceTarget(record["id"]), focus=False)
                self.window.preview.scroll_to(f"service-{record['id']}")
        dialog.finished.connect(finished)
        dialog.open()

    def show_pack_errors(self) -> None:
        if self.window.catalog is None or not self.window.catalog.errors:
            return
        lines = "\n".join(str(e) for e in self.window.catalog.errors[:20])
        self.window.prompts.show_error(self.tr("Some clause packs could not be loaded completely"),
                                       self.tr("The services and texts from these files are missing until the pack "
                                               "is fixed. Everything else works.\n\n%1").replace("%1", lines))

    def export_dialog(self) -> None:
        if not self.window.session.has_project:
            return
        from .export_dialog import ExportDialog

        from ..core.own_services import named, unknown_selected

        window = self.window
        unknown = unknown_selected(window.ensure_catalog(), window.model.project)
        if unknown:  # the policy would lack them without saying so
            lang = "de" if translation.language() == "de" else "en"
            names = ", ".join(named(window.model.project.selected(sid), lang) for sid in unknown)
            window.prompts.show_error(self.tr("The policy cannot be exported yet"),
                                      self.tr("No installed clause pack knows the selected service(s) %1. Install the "
                                              "pack again, or click its finding to remove it from the project.")
                                      .replace("%1", names))
            return
        dialog = ExportDialog(window.ensure_catalog(), window.model.project, window.session.path, window)
        dialog.done.connect(lambda: self.record_exports(dialog.finished_jobs or []))
        dialog.stand_updated.connect(lambda iso: self.window.push(STAND, iso, self.tr("Date (Stand)")))
        dialog.exec()

    def scan_dialog(self) -> None:
        if not self.window.session.has_project:
            return
        from .scan_dialog import ScanDialog

        window = self.window
        dialog = ScanDialog(window.ensure_catalog(), window.model.project, window.apply_changes, window.ui_language, window)
        dialog.describe_requested.connect(lambda host: self.describe_service(host, dialog))
        self.open_suggestions(dialog)

    def import_dialog(self, path: str = "") -> None:
        if not self.window.session.has_project:
            return
        path = path or self.window.prompts.ask_import_path(app_settings.value("import/folder", str(Path.home())))
        if not path:
            return
        app_settings.set_value("import/folder", str(Path(path).parent))
        from .import_dialog import ImportDialog

        window = self.window
        dialog = ImportDialog(window.ensure_catalog(), window.model.project, window.apply_changes, window.ui_language, path,
                              window)
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
                                         when=stamp, project_file=self.window.session.path))
        if not records:
            return
        history = self.window.model.get(EXPORT_HISTORY) + records
        if self.window.session.path is None or self.window.session.note_exports(records):
            self.window.model.set(EXPORT_HISTORY, history)
        else:
            self.window.push(EXPORT_HISTORY, history, self.tr("Record export"))

    def about(self) -> None:
        from .about import show_about

        show_about(self.window, self.window.ensure_catalog(), self.window.ui_language)

    def show_guide(self) -> None:
        from .help import GuideDialog

        self.guide_dialog = GuideDialog(self.window.ui_language, self.window)  # tests reach it here
        self.guide_dialog.open()

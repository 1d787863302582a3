"""The file session: the project's life on disk around the one ProjectModel and QUndoStack.

New, open (also examples and recent files), save, save as and close, each asking about unsaved
changes; the questions for a file another program changed or a read-only file; the recent
files list; autosave every 30 s and the offer to restore what a crashed session left behind.
The window shows what ``changed`` says (start page or project, title) and asks the user through
``Prompts``.
"""
from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QLocale, QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from ..core import project as project_io
from ..core.project import FileChangedError, Project, ProjectError, ReadOnlyFileError, SelectedService, new_project
from ..core.projectmessages import in_language
from . import settings as app_settings
from . import translation
from .autosave import Autosave
from .model import ProjectModel
from .prompts import Prompts

AUTOSAVE_MS = 30_000


class FileSession(QObject):
    changed = Signal()  # a project was opened or closed, or its path changed
    recent_changed = Signal(list)  # the recent files, newest first
    message = Signal(str, int)  # for the status bar: text, milliseconds

    def __init__(self, model: ProjectModel, undo_stack: QUndoStack, prompts: Prompts,
                 catalog: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model, self.undo_stack, self.prompts = model, undo_stack, prompts
        self.catalog = catalog  # the loaded catalog, loading it if need be (the built-in example)
        self.autosave = Autosave(app_settings.autosave_dir())
        self.path: Path | None = None
        self.fingerprint = None  # the file as last read or written: to notice other programs' changes
        self.has_project = False
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave_now)
        self.autosave_timer.start()

    # ------------------------------------------------------------------ state
    def is_modified(self) -> bool:
        return self.has_project and not self.undo_stack.isClean()

    def set_project(self, project: Project, path: Path | None, modified: bool = False) -> None:
        """Show ``project`` (from ``path``, None for an unsaved one) with an empty undo history."""
        self.undo_stack.clear()
        self.fingerprint = None  # callers that read a file set it afterwards
        self.path, self.has_project = path, True
        self.changed.emit()
        self.model.replace(project)
        if modified:
            self.undo_stack.resetClean()

    def close_project(self) -> bool:
        """Back to the start page, after asking about unsaved changes."""
        if not self.maybe_save():
            return False
        self.autosave.remove()
        self.path, self.has_project = None, False
        self.undo_stack.clear()
        self.changed.emit()
        return True

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current project (saved, discarded or nothing to lose)."""
        if not self.is_modified():
            return True
        answer = self.prompts.ask_unsaved(self.path.name if self.path else "")
        if answer == "save":
            return self.save()
        return answer == "discard"

    # ------------------------------------------------------------------ opening
    def new_project(self) -> None:
        if self.maybe_save():
            self.autosave.remove()
            project = new_project()
            project.stand = _dt.date.today().isoformat()
            self.set_project(project, None)

    def open_example(self, path: str = "") -> None:
        """An example is a template: it opens as a new project, saving asks for a name."""
        if not self.maybe_save():
            return
        self.autosave.remove()
        if path:
            try:
                project = project_io.load(path)
            except Exception as exc:  # noqa: BLE001 - shown, never a traceback
                self.prompts.show_error(self.tr("The example cannot be opened"), self.failure_text(exc), details(exc))
                return
        else:
            project = project_io.example_project()
            # a few common services so the example shows what the preview does
            project.services += [SelectedService(id=sid) for sid in list(self.catalog().services)[:6]]
        self.set_project(project, None)

    def open_dialog(self) -> None:
        path = self.prompts.ask_open_path(self.last_folder())
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> bool:
        if not self.maybe_save():
            return False
        try:
            loaded = project_io.load_file(path)
        except Exception as exc:  # ProjectError says what is wrong; anything else must not be a traceback either
            self.prompts.show_error(self.tr("The project cannot be opened"), self.failure_text(exc), details(exc))
            return False
        self.autosave.remove()
        self.set_project(loaded.project, Path(path).resolve())
        self.fingerprint = loaded.fingerprint
        self.add_recent(str(Path(path).resolve()))
        if loaded.warnings:
            self.prompts.show_error(self.tr("Please note"), self.warning_text(loaded.warnings))
        return True

    @staticmethod
    def warning_text(warnings: list[str]) -> str:
        """What loading or saving settled, in the interface's language."""
        return "\n\n".join(in_language(warning, translation.language()) for warning in warnings)

    def failure_text(self, exc: Exception) -> str:
        if isinstance(exc, ProjectError):
            from .translation import language

            return exc.text(language())  # the interface's language; the parser's English detail is left out
        return self.tr("Something went wrong that Policy Editor did not expect (%1). Nothing was changed on disk.") \
            .replace("%1", f"{type(exc).__name__}: {str(exc)[:200]}")

    # ------------------------------------------------------------------ saving
    def save(self) -> bool:
        if not self.has_project:
            return False
        if self.path is None:
            return self.save_as()
        return self._write(self.path)

    def save_as(self) -> bool:
        if not self.has_project:
            return False
        path = self.prompts.ask_save_path(self.path, self.last_folder(),
                                          project_io.file_stem(self.model.project.controller.name))
        if not path:
            return False
        if not path.endswith(".json"):
            path += project_io.SUFFIX
        return self._write(Path(path).resolve())

    def _write(self, path: Path) -> bool:
        """Save to ``path``; False (the user was told why) when it did not happen. Asks before
        overwriting a file another program changed since it was opened, or a read-only file."""
        expected = self.fingerprint if path == self.path else None  # Save As: the file dialog asked
        project = self.model.project
        if path != self.path:  # the export history's paths are relative to the project file
            import msgspec

            from ..core.export_history import rebased

            project = msgspec.structs.replace(project, export_history=rebased(project.export_history, self.path, path))
        replace_readonly = False
        while True:
            try:
                saved = project_io.save(project, path, expected=expected, replace_readonly=replace_readonly)
                break
            except FileChangedError:
                answer = self.prompts.ask_file_changed(path)
                if answer == "save_as":
                    return self.save_as()
                if answer != "overwrite":
                    return False
                expected = None
            except ReadOnlyFileError:
                if not self.prompts.ask_replace_readonly(path):
                    return False
                replace_readonly = True
            except Exception as exc:  # every failure is shown: the window stays open, the project modified
                self.prompts.show_error(self.tr("The project was not saved"),
                                        self.failure_text(exc) + " "
                                        + self.tr("Your changes are still open here; try another folder with Save As."))
                return False
        self.model.project.export_history = project.export_history
        self.fingerprint = saved.fingerprint
        if saved.warnings:
            self.prompts.show_error(self.tr("The project was saved without a backup"), self.warning_text(saved.warnings))
        self.path = path
        self.undo_stack.setClean()
        self.autosave.remove()
        self.changed.emit()
        self.add_recent(str(path))
        self.message.emit(self.tr("Saved to %1").replace("%1", str(path)), 5000)
        return True

    def note_exports(self, records: list) -> bool:
        """Add export ``records`` to the history in the project's file — only to them: unsaved
        edits stay unsaved. False when the file changed since it was read or written (another
        program) or cannot be written; the caller then keeps the records as an unsaved change."""
        if self.path is None or self.fingerprint is None:
            return False
        try:
            loaded = project_io.load_file(self.path)
            if not loaded.fingerprint.same_content(self.fingerprint):
                return False
            loaded.project.export_history += records
            saved = project_io.save(loaded.project, self.path, expected=loaded.fingerprint)
        except Exception:  # noqa: BLE001 - the records are kept by the caller instead
            return False
        self.fingerprint = saved.fingerprint
        return True

    # ------------------------------------------------------------------ recent files
    def add_recent(self, path: str) -> None:
        self.recent_changed.emit(app_settings.add_recent(path))

    def clear_recent(self) -> None:
        app_settings.clear_recent()
        self.recent_changed.emit([])

    @staticmethod
    def last_folder() -> str:
        recent = app_settings.recent_files()
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    # ------------------------------------------------------------------ autosave / recovery
    def autosave_now(self) -> Path | None:
        if not self.is_modified():
            return None
        try:
            return self.autosave.write(self.model.project, str(self.path or ""), self.fingerprint)
        except Exception as exc:  # noqa: BLE001 - a timer slot must not raise; the user is told
            self.message.emit(self.tr("Autosave failed: %1").replace("%1", self.failure_text(exc)), 8000)
            return None

    def offer_recovery(self) -> bool:
        """Called once after start: restore work a crashed session left behind. An autosave
        that cannot be read is reported and kept (never deleted), and does not stop the others
        from being offered; those not restored now stay for the next start unless discarded."""
        for orphan in self.autosave.orphans():
            try:
                project = orphan.load()
            except Exception as exc:  # noqa: BLE001 - kept on disk, reported, the next one is offered
                self.prompts.show_error(self.tr("Unsaved changes cannot be restored"),
                                        self.tr("The autosave %1 cannot be read: %2 It was kept, in case it can be "
                                                "rescued by hand.").replace("%1", str(orphan.project_file))
                                        .replace("%2", self.failure_text(exc)), details(exc))
                continue
            what = orphan.original or self.tr("a new project")
            when = recovery_time(orphan.time, translation.language())
            question = self.tr("Restore unsaved changes from %1 to %2?").replace("%1", when).replace("%2", what)
            if self.prompts.ask_restore(question):
                orphan.discard()
                self.set_project(project, Path(orphan.original) if orphan.original else None, modified=True)
                self.fingerprint = orphan.fingerprint  # saving asks if the file changed meanwhile
                self.autosave_now()  # the restored work is now this session's autosave
                return True
            orphan.discard()
        return False


def details(exc: Exception) -> str:
    """The parser's own words about a file (line and column, the field's path), for support."""
    return exc.details if isinstance(exc, ProjectError) else ""


def recovery_time(when: _dt.datetime, lang: str) -> str:
    """"Mittwoch, 2. Dezember 2026, 18:05" / "Wednesday, 2 December 2026, 18:05": the interface
    language's own date format (the system locale gave "2 12 2026 18:05" in a C locale)."""
    locale = QLocale(QLocale.Language.German, QLocale.Country.Germany) if lang == "de" \
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return f"{locale.toString(when.date(), QLocale.FormatType.LongFormat)}, {when:%H:%M}"

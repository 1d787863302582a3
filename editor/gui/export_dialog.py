"""Export dialog: formats × languages into a folder, in a worker thread with a progress dialog.

Compose and the file writers run in a QThreadPool worker so the window never freezes. The PDF
writer lays out with Qt's text engine, which belongs to the GUI thread, so PDF jobs run there
afterwards, one per event-loop turn.

The languages offered are the project's (Company tab, "Policy languages"): a German-only project
exports German, and the dialog does not ask.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QMessageBox, QProgressDialog, QPushButton, QVBoxLayout, QWidget,
)

from ..core.compose import compose
from ..core.export_gate import as_exported, open_errors
from ..core.project import file_stem
from ..export import choices, writer
from . import settings as app_settings
from . import translation
from .model import deep_copy

# key → what the format list offers (the writer registry's choices: docx, html, fragment, md, txt, pdf)
FORMATS = {choice.key: choice for choice in choices()}


@dataclass
class Job:
    key: str
    lang: str
    path: Path
    review: bool
    error: str = ""

    @property
    def format(self) -> str:
        return FORMATS[self.key].format

    @property
    def options(self) -> dict:
        options = dict(FORMATS[self.key].options)
        if self.review and "review" in writer(self.format).options:
            options["review"] = True
        return options

    @property
    def gui_thread(self) -> bool:
        """Qt lays this format out: it runs in the GUI thread, not in the worker."""
        return writer(self.format).gui_thread


def run_job(job: Job, document, catalog=None, project=None) -> None:
    """Write one file; the review edition gets its notes from ``catalog`` and ``project``."""
    from ..export import ExportError, export

    try:
        options = job.options
        if options.get("review") and catalog is not None and project is not None:
            from ..core.review import review_notes

            options["review"] = review_notes(catalog, project, document)
        export(document, job.path, job.format, **options)
    except ExportError as exc:
        job.error = str(exc)
    except Exception as exc:  # a writer bug must be reported, not crash the worker
        job.error = f"{type(exc).__name__}: {exc}"


class _Signals(QObject):
    progress = Signal(int, str)
    finished = Signal()


class ExportWorker(QRunnable):
    def __init__(self, catalog, project, jobs: list[Job], documents: dict) -> None:
        super().__init__()
        self.catalog, self.project, self.jobs, self.documents = catalog, project, jobs, documents
        self.signals = _Signals()

    def run(self) -> None:
        for lang in sorted({j.lang for j in self.jobs}):
            try:  # with open errors, the files say they are a draft
                self.documents[lang] = as_exported(self.catalog, self.project, compose(self.catalog, self.project, lang))
            except Exception as exc:
                for job in self.jobs:
                    if job.lang == lang:
                        job.error = str(exc)
        for n, job in enumerate(self.jobs):
            if job.gui_thread or job.error:
                continue
            self.signals.progress.emit(n, job.path.name)
            run_job(job, self.documents[job.lang], self.catalog, self.project)
        self.signals.finished.emit()


class ExportDialog(QDialog):
    done = Signal()
    stand_updated = Signal(str)  # the ISO date "Stand" was set to for this export (the window records it)

    def __init__(self, catalog, project, project_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.catalog = catalog
        self.project = deep_copy(project)  # the export sees the project as it was when it started
        self.jobs: list[Job] = []
        self.finished_jobs: list[Job] | None = None
        self._documents: dict = {}

        formats = QGroupBox(self.tr("Formats"))
        grid = QVBoxLayout(formats)
        labels = {
            "docx": self.tr("&Word document (DOCX) — for your lawyer"),
            "html": self.tr("&HTML page — complete web page"),
            "fragment": self.tr("HTML &fragment — to paste into your website"),
            "md": self.tr("&Markdown — for website builders"),
            "txt": self.tr("&Plain text"),
            "pdf": self.tr("P&DF"),
        }
        self.format_boxes: dict[str, QCheckBox] = {}
        for key, choice in FORMATS.items():
            box = QCheckBox(labels.get(key, writer(choice.format).name))
            self.format_boxes[key] = box
            grid.addWidget(box)
        self.review = QCheckBox(self.tr("&Review edition: notes and comments for your lawyer"))
        grid.addWidget(self.review)
        # an old "Stand" is offered for update: on by default, shown only when it is older than today
        old = _stand_before_today(self.project)
        self.update_stand = QCheckBox(self.tr("Set “&Stand” to today (now %1)").replace(
            "%1", old.strftime("%d.%m.%Y") if old else ""))
        self.update_stand.setChecked(old is not None)
        self.update_stand.setVisible(old is not None)
        grid.addWidget(self.update_stand)

        self.languages = QGroupBox(self.tr("Languages"))
        row = QHBoxLayout(self.languages)
        names = {"de": self.tr("&German"), "en": self.tr("E&nglish")}
        offered = [lang for lang in self.project.languages if lang in names] or ["de"]
        self.lang_boxes = {lang: QCheckBox(names[lang]) for lang in sorted(offered, key=list(names).index)}
        for box in self.lang_boxes.values():
            row.addWidget(box)
        row.addStretch(1)
        self.languages.setVisible(len(self.lang_boxes) > 1)  # one language: nothing to choose

        target = QGroupBox(self.tr("Where"))
        form = QFormLayout(target)
        self.folder = QLineEdit()
        self.folder.setAccessibleName(self.tr("Output folder"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        folder_label = QLabel(self.tr("F&older:"))
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, folder_row)
        self.base = QLineEdit()
        self.base.setAccessibleName(self.tr("File name without ending"))
        base_label = QLabel(self.tr("File &name:"))
        base_label.setBuddy(self.base)
        form.addRow(base_label, self.base)
        self.names_hint = QLabel()
        self.names_hint.setWordWrap(True)
        form.addRow("", self.names_hint)

        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button = self.buttons.addButton(self.tr("&Open folder"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.hide()
        self.buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self.start_export)
        self.open_button.clicked.connect(self.open_folder)

        layout = QVBoxLayout(self)
        for w in (formats, self.languages, target, self.result):
            layout.addWidget(w)
        layout.addStretch(1)  # room to spare goes below the rows, never between them
        layout.addWidget(self.buttons)
        # Enter exports wherever the focus is. setDefault() counts only once the button is inside
        # the dialog (before, the dialog made its first "auto default" button, Browse…, the
        # default), and no other button may become the default on its own.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(button is self.export_button)
        self.export_button.setDefault(True)

        self._load_choices(project_path)
        for box in [*self.format_boxes.values(), *self.lang_boxes.values(), self.review]:
            box.toggled.connect(self._update_hint)
        self.folder.textChanged.connect(self._update_hint)
        self.base.textChanged.connect(self._update_hint)
        self._update_hint()

    # ------------------------------------------------------------------ choices
    def _load_choices(self, project_path: Path | None) -> None:
        formats = app_settings.value("export/formats", ["docx", "html"])
        formats = [formats] if isinstance(formats, str) else list(formats or [])
        languages = app_settings.value("export/languages", list(self.lang_boxes))  # none chosen yet: all the project's
        languages = [languages] if isinstance(languages, str) else list(languages or [])
        for key, box in self.format_boxes.items():
            box.setChecked(key in formats)
        for key, box in self.lang_boxes.items():
            box.setChecked(key in languages or len(self.lang_boxes) == 1)
        self.review.setChecked(bool(app_settings.value("export/review", False, bool)))
        folder = project_path.parent if project_path else Path(app_settings.value("export/folder", str(Path.home())))
        self.folder.setText(str(folder))
        stem = project_path.name.split(".")[0] if project_path else (
            file_stem(self.project.controller.name) or self.tr("privacy-policy"))
        self.base.setText(stem)

    def _save_choices(self) -> None:
        app_settings.set_value("export/formats", self.chosen_formats())
        if len(self.lang_boxes) > 1:  # a German-only project chose nothing: the choice for two stays
            app_settings.set_value("export/languages", self.chosen_languages())
        app_settings.set_value("export/review", self.review.isChecked())
        app_settings.set_value("export/folder", self.folder.text())

    def chosen_formats(self) -> list[str]:
        return [k for k, b in self.format_boxes.items() if b.isChecked()]

    def chosen_languages(self) -> list[str]:
        return [k for k, b in self.lang_boxes.items() if b.isChecked()]

    def planned_jobs(self) -> list[Job]:
        folder, base = Path(self.folder.text().strip()), self.base.text().strip()
        review = self.review.isChecked()
        jobs = []
        for lang in self.chosen_languages():
            for key in self.chosen_formats():
                suffix = FORMATS[key].file_suffix
                jobs.append(Job(key, lang, folder / f"{base}-{lang}{suffix}", False))
                if review and "review" in writer(FORMATS[key].format).options:  # beside the clean file, not instead
                    jobs.append(Job(key, lang, folder / f"{base}-{lang}-review{suffix}", True))
        return jobs

    def _update_hint(self) -> None:
        jobs = self.planned_jobs()
        ok = bool(jobs) and bool(self.base.text().strip()) and bool(self.folder.text().strip())
        self.export_button.setEnabled(ok)
        self.review.setEnabled(any(box.isChecked() and "review" in writer(FORMATS[key].format).options
                                   for key, box in self.format_boxes.items()))
        self.names_hint.setText(self._files_text(jobs) if jobs else self.tr("Choose at least one format and one language."))
        self._reserve_hint_height()

    def _files_text(self, jobs: list[Job]) -> str:
        names = ", ".join(j.path.name for j in jobs[:4]) + (" …" if len(jobs) > 4 else "")
        return self.tr("Files: %1").replace("%1", names)

    def _reserve_hint_height(self) -> None:
        """The file list keeps the height of the longest list it can show: growing with each tick,
        it pushed the rows (and the dialog) under the mouse."""
        folder, base = Path(self.folder.text().strip()), self.base.text().strip()
        longest = self._files_text([Job(k, lang, folder / f"{base}-{lang}-review{FORMATS[k].file_suffix}", True)
                                    for lang in self.lang_boxes for k in FORMATS])
        probe = QLabel(longest)
        probe.setWordWrap(True)
        probe.setFont(self.names_hint.font())
        width = self.names_hint.width() if self.names_hint.isVisible() else self.names_hint.sizeHint().width()
        self.names_hint.setMinimumHeight(max(probe.heightForWidth(max(width, 1)), self.names_hint.heightForWidth(max(width, 1))))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._reserve_hint_height()  # a new width wraps the file list anew

    def _browse(self) -> None:
        folder = self.ask_folder()
        if folder:
            self.folder.setText(folder)

    def ask_folder(self) -> str:
        return QFileDialog.getExistingDirectory(self, self.tr("Export to folder"), self.folder.text())

    # ------------------------------------------------------------------ running
    def confirm_overwrite(self, names: list[str]) -> bool:
        listed = "\n".join("  " + n for n in names[:10]) + ("\n  …" if len(names) > 10 else "")
        answer = QMessageBox.question(
            self, self.tr("Replace existing files?"),
            self.tr("These files already exist and would be replaced:\n%1").replace("%1", listed),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def confirm_open_errors(self, errors: list) -> bool:
        """Ask before exporting while the checks find errors; not exporting is the default."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Export"),
                          self.tr("%n open error(s) — export anyway?", "", len(errors)), QMessageBox.StandardButton.NoButton,
                          self)
        listed = "\n".join("• " + e.message for e in errors[:5]) + ("\n• …" if len(errors) > 5 else "")
        box.setInformativeText(self.tr("The exported files would say at their top that they are a draft and list "
                                       "these errors. Fix them first (each finding at the bottom of the window leads "
                                       "to its place), or export the draft now.") + "\n\n" + listed)
        export = box.addButton(self.tr("Export &anyway"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("&Don't export"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is export

    def start_export(self) -> None:
        self.jobs = self.planned_jobs()
        if not self.jobs:
            return
        errors = open_errors(self.catalog, self.project, lang=translation.language() or "en")
        if errors and not self.confirm_open_errors(errors):
            return
        existing = [j.path.name for j in self.jobs if j.path.exists()]
        if existing and not self.confirm_overwrite(existing):
            return
        folder = Path(self.folder.text().strip())
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._show_result([], self.tr("The folder %1 cannot be created (%2).").replace("%1", str(folder))
                              .replace("%2", exc.strerror or str(exc)))
            return
        self._save_choices()
        self._new_stand = ""
        if self.update_stand.isChecked() and _stand_before_today(self.project):
            self._new_stand = self.project.stand = _dt.date.today().isoformat()
        self.finished_jobs = None
        self.export_button.setEnabled(False)
        self.progress = QProgressDialog(self.tr("Exporting…"), "", 0, len(self.jobs), self)
        self.progress.setCancelButton(None)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self._documents = {}
        worker = ExportWorker(self.catalog, self.project, self.jobs, self._documents)
        worker.signals.progress.connect(self._progress)
        worker.signals.finished.connect(self._worker_done)
        self._worker = worker
        QThreadPool.globalInstance().start(worker)

    def _progress(self, n: int, name: str) -> None:
        self.progress.setValue(n)
        self.progress.setLabelText(self.tr("Writing %1…").replace("%1", name))

    def _worker_done(self) -> None:
        self._pdf_queue = [j for j in self.jobs if j.gui_thread and not j.error]
        QTimer.singleShot(0, self._next_pdf)

    def _next_pdf(self) -> None:
        if self._pdf_queue:  # PDF in the GUI thread, one per event-loop turn so the UI stays live
            job = self._pdf_queue.pop(0)
            self._progress(self.jobs.index(job), job.path.name)
            run_job(job, self._documents[job.lang])
            QTimer.singleShot(0, self._next_pdf)
            return
        self.progress.setValue(len(self.jobs))
        self.progress.close()
        self.finished_jobs = list(self.jobs)
        failed = [j for j in self.jobs if j.error]
        self._show_result([j for j in self.jobs if not j.error],
                          "\n".join(f"{j.path.name}: {j.error}" for j in failed))
        self.export_button.setEnabled(True)
        if self._new_stand and len(failed) < len(self.jobs):
            self.stand_updated.emit(self._new_stand)
        self.done.emit()

    def _show_result(self, written: list[Job], errors: str) -> None:
        folder = self.folder.text().strip()
        text = ""
        if written:
            text = self.tr("%n file(s) written to %1:", "", len(written)).replace("%1", folder)
            text += "\n" + "\n".join("  " + j.path.name for j in written)
        if errors:
            text += ("\n\n" if text else "") + self.tr("Not written:") + "\n" + errors
        self.result.setText(text)
        self.result.setVisible(True)
        self.open_button.setVisible(bool(written))

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder.text().strip()))


def _stand_before_today(project) -> _dt.date | None:
    """The project's "Stand" when it is set and older than today (an empty one prints today)."""
    date = project.stand_date() if project.stand else None
    return date if date is not None and date < _dt.date.today() else None

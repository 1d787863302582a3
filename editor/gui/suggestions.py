"""What "Scan my website…" and "Import existing policy…" share: a dialog that runs core work in
a worker thread and shows the services it suggests, each with its evidence, for the user to
confirm as ONE undo step.

Threading: the work (core.scan.scan, core.policy_import.import_policy) runs as a callable in
QThreadPool.globalInstance(); it reports through a ``_Signals`` QObject that lives in the GUI
thread, so every slot runs there and no widget is touched from the worker. Cancel sets the
task's threading.Event, which core checks between steps — and the dialog returns to its idle
state at once, without waiting: a worker stuck in a slow network read finishes on its own
(core's time-outs bound it) and its late result is ignored (each result carries its task's
number). Nothing is applied before the user clicks the apply button, so a cancel, an error or
closing the dialog leaves the project unchanged.

Subclasses (scan_dialog.py, import_dialog.py) add their input and their result tabs.
"""
from __future__ import annotations

import itertools
import threading
from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QTabWidget, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget,
)

from ..core.evidence import Cancelled, Evidence, Suggestion
from .translation import Retranslating

Apply = Callable[[list, str], bool]  # (changes as (target, value) pairs, undo text) → applied?
_numbers = itertools.count(1)


class _Signals(QObject):
    """Created in the GUI thread, emitted from the worker: queued to the dialog's slots."""

    progress = Signal(int, str, int, int)  # task number, message, done, total (0: unknown)
    finished = Signal(int, object)  # task number, result
    failed = Signal(int, str)  # task number, one sentence
    cancelled = Signal(int)


class Task:
    """One run of ``work(progress, cancel)`` in the thread pool."""

    def __init__(self, work: Callable[[Callable, threading.Event], Any], errors: tuple[type[Exception], ...]) -> None:
        self.number = next(_numbers)
        self.work, self.errors = work, errors
        self.cancel = threading.Event()
        self.done = threading.Event()  # set when the worker has returned (tests wait for it)
        self.signals = _Signals()

    def start(self) -> None:
        QThreadPool.globalInstance().start(self._run)

    def _run(self) -> None:
        n, signals = self.number, self.signals
        try:
            result = self.work(lambda message, done, total: signals.progress.emit(n, message, done, total), self.cancel)
        except Cancelled:
            signals.cancelled.emit(n)
        except self.errors as exc:
            signals.failed.emit(n, " ".join(str(exc).split()))
        except Exception as exc:  # a bug must reach the user as a sentence, not kill the worker silently
            signals.failed.emit(n, f"\x00{type(exc).__name__}: {' '.join(str(exc).split())[:200]}")
        else:
            if self.cancel.is_set():
                signals.cancelled.emit(n)
            else:
                signals.finished.emit(n, result)
        finally:
            self.done.set()


def evidence_rows(item: QTreeWidgetItem, evidence: list[Evidence], first_column: int = 1) -> None:
    """The first piece of evidence on ``item`` itself (source | match), the others as its children;
    every piece in the tooltip too (long matches are elided in the columns)."""
    if evidence:
        item.setText(first_column, evidence[0].source)
        item.setText(first_column + 1, evidence[0].match)
    tip = "\n".join(f"{e.source}: {e.match}" for e in evidence)
    for column in range(first_column + 2):
        item.setToolTip(column, tip)
    for e in evidence[1:]:
        child = QTreeWidgetItem(item, ["", e.source, e.match])
        child.setFlags(Qt.ItemFlag.ItemIsEnabled)
        child.setToolTip(1, e.source)
        child.setToolTip(2, e.match)


def evidence_tree() -> QTreeWidget:
    tree = QTreeWidget()
    tree.setColumnCount(3)
    tree.setUniformRowHeights(True)
    tree.setAlternatingRowColors(True)
    header = tree.header()
    header.setStretchLastSection(True)
    header.resizeSection(0, 340)  # "Meta Pixel (Facebook and Instagram)" and its checkbox
    header.resizeSection(1, 120)
    return tree


class SuggestionsDialog(Retranslating, QDialog):
    """Idle → running (progress, Cancel) → results (or one sentence) → apply or close."""

    ROLE_ID = Qt.ItemDataRole.UserRole

    def __init__(self, catalog, project, apply: Apply, ui_language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog, self.project, self._apply, self.ui_language = catalog, project, apply, ui_language
        self.selected_ids = set(project.service_ids())
        self.task: Task | None = None
        self.result = None
        self.applied = False
        self._ticked: dict[str, bool] = {}  # service id → the user's choice, kept across a language switch

        self.progress_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.cancel_button = QPushButton()
        self.cancel_button.setAutoDefault(False)  # Return must never cancel (it starts the work)
        self.cancel_button.clicked.connect(self.cancel)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_label, 1)
        progress_row.addWidget(self.progress_bar, 1)
        progress_row.addWidget(self.cancel_button)
        self.progress_box = QWidget()
        self.progress_box.setLayout(progress_row)
        progress_row.setContentsMargins(0, 0, 0, 0)
        self.progress_box.hide()

        self.status = QLabel()  # the outcome: counts, "cancelled", or the error sentence
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()
        self._status_text: str | Callable[[], str] = ""

        self.services_tree = evidence_tree()
        self.services_tree.itemChanged.connect(self._item_changed)
        self.services_hint = QLabel()
        self.services_hint.setWordWrap(True)
        services_page = QWidget()
        column = QVBoxLayout(services_page)
        column.addWidget(self.services_hint)
        column.addWidget(self.services_tree, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(services_page, "")
        self.tabs.hide()
        self.placeholder = QLabel()  # where the results will be, until there are some
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setEnabled(False)  # drawn in the disabled (grey) colour

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.apply_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)

        self.body = QVBoxLayout(self)
        self.input_box = QWidget()  # subclasses fill it
        self.body.addWidget(self.input_box)
        self.body.addWidget(self.progress_box)
        self.body.addWidget(self.status)
        self.body.addWidget(self.tabs, 1)
        self.body.addWidget(self.placeholder, 1)
        self.body.addWidget(self.buttons)
        self.resize(900, 600)

    # ------------------------------------------------------------------ texts
    def retranslateUi(self) -> None:  # noqa: N802 - Qt's name
        self.cancel_button.setText(self.tr("&Cancel"))
        self.progress_bar.setAccessibleName(self.tr("Progress"))
        self.services_tree.setHeaderLabels([self.tr("Service"), self.tr("Seen in"), self.tr("What matched")])
        self.services_tree.setAccessibleName(self.tr("Suggested services"))
        self.services_hint.setText(self.tr("Tick the services your policy should describe. Each row shows where the "
                                           "service was seen; open a row for more evidence."))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("C&lose"))
        self.placeholder.setText(self.tr("The services found will be listed here, each with where it was seen."))
        if self.result is not None:
            self.show_result(self.result)
        elif callable(self._status_text):
            self.show_status(self._status_text, self.status.styleSheet() != "")
        self._update_tabs()

    def _update_tabs(self) -> None:
        count = self.services_tree.topLevelItemCount()
        self.tabs.setTabText(0, self.tr("Services (%1)").replace("%1", str(count)))

    def progress_text(self, message: str) -> str:
        """Core's progress messages ("Reading x", "Loading x", "Matching") in the interface language."""
        verb, _space, what = message.partition(" ")
        if verb == "Reading" and what:
            return self.tr("Reading %1…").replace("%1", what)
        if verb == "Loading" and what:
            return self.tr("Loading %1…").replace("%1", what)
        if message in ("Matching", "Finding services"):
            return self.tr("Comparing with the services Policy Editor knows…")
        return message

    # ------------------------------------------------------------------ running
    def run(self, work: Callable, errors: tuple[type[Exception], ...]) -> None:
        """Start ``work(progress, cancel)`` in the pool; its result arrives in ``show_result``."""
        self.cancel()
        self.result = None
        self._ticked.clear()
        self.tabs.hide()
        self.placeholder.show()
        self.status.hide()
        self.apply_button.setEnabled(False)
        self.task = task = Task(work, errors)
        task.signals.progress.connect(self._progress)
        task.signals.finished.connect(self._finished)
        task.signals.failed.connect(self._failed)
        task.signals.cancelled.connect(self._cancelled)
        self.progress_bar.setRange(0, 0)
        self.progress_label.setText(self.tr("Starting…"))
        self.progress_box.show()
        self.set_running(True)
        self.cancel_button.setFocus()  # Space cancels; the input that had the focus is disabled now
        task.start()

    def set_running(self, running: bool) -> None:
        """Subclasses disable their input while the work runs."""

    @property
    def running(self) -> bool:
        return self.task is not None

    def cancel(self) -> None:
        """Stop the running work, if any, and return to idle at once; nothing is changed."""
        task, self.task = self.task, None
        if task is None:
            return
        task.cancel.set()
        self.progress_box.hide()
        self.set_running(False)
        self.show_status(lambda: self.tr("Cancelled; nothing was changed."))

    def _current(self, number: int) -> bool:
        return self.task is not None and self.task.number == number

    def _progress(self, number: int, message: str, done: int, total: int) -> None:
        if not self._current(number):
            return
        self.progress_label.setText(self.progress_text(message))
        if total > 0 and done > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(min(done, total))
        else:
            self.progress_bar.setRange(0, 0)  # busy: an empty bar would look stuck on a slow first page

    def _finish(self, number: int) -> bool:
        if not self._current(number):
            return False  # cancelled earlier, or replaced by a newer run
        self.task = None
        self.progress_box.hide()
        self.set_running(False)
        return True

    def _finished(self, number: int, result) -> None:
        if self._finish(number):
            self.result = result
            self.show_result(result)

    def _failed(self, number: int, message: str) -> None:
        if self._finish(number):
            if message.startswith("\x00"):  # not one of core's sentences: a bug
                bug = message[1:]
                self.show_status(lambda: self.tr("Something unexpected went wrong (%1). Nothing was changed.")
                                 .replace("%1", bug), error=True)
            else:
                self.show_status(message, error=True)

    def _cancelled(self, number: int) -> None:
        if self._finish(number):
            self.show_status(lambda: self.tr("Cancelled; nothing was changed."))

    def show_status(self, text: str | Callable[[], str], error: bool = False) -> None:
        """``text``, or a function that makes it in the interface language (called again on a switch)."""
        self._status_text = text
        self.status.setText(text() if callable(text) else text)
        self.status.setStyleSheet("color: #b00020; font-weight: bold;" if error else "")
        self.status.setVisible(bool(self.status.text()))

    # ------------------------------------------------------------------ results
    def show_result(self, result) -> None:
        """Fill the tabs from ``result``; subclasses add theirs and call this first."""
        self.fill_services(result.suggestions)
        self.placeholder.hide()
        self.tabs.show()
        self._update_tabs()
        self.update_apply()

    def service_name(self, suggestion: Suggestion) -> str:
        service = self.catalog.services.get(suggestion.id) if self.catalog is not None else None
        return service.name(self.ui_language) if service is not None else suggestion.name

    def fill_services(self, suggestions: list[Suggestion]) -> None:
        tree = self.services_tree
        tree.blockSignals(True)
        tree.clear()
        # the choices first; those already in the project below them, for reference
        for suggestion in sorted(suggestions, key=lambda s: s.id in self.selected_ids):
            item = QTreeWidgetItem(tree)
            item.setData(0, self.ROLE_ID, suggestion.id)
            evidence_rows(item, suggestion.evidence)
            if suggestion.id in self.selected_ids:
                item.setText(0, self.tr("%1 (already selected)").replace("%1", self.service_name(suggestion)))
                item.setCheckState(0, Qt.CheckState.Checked)
                item.setFlags(Qt.ItemFlag.ItemIsSelectable)  # shown, but not a choice
            else:
                item.setText(0, self.service_name(suggestion))
                ticked = self._ticked.setdefault(suggestion.id, True)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        tree.blockSignals(False)

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        sid = item.data(0, self.ROLE_ID)
        if column == 0 and sid and sid not in self.selected_ids:
            self._ticked[sid] = item.checkState(0) == Qt.CheckState.Checked
            self.update_apply()

    def chosen_services(self) -> list[str]:
        """Ticked services that are not selected yet, in the order shown."""
        return [sid for sid, ticked in self._ticked.items() if ticked]

    def set_ticked(self, sid: str, ticked: bool) -> None:
        """As if the user clicked the service's checkbox."""
        for n in range(self.services_tree.topLevelItemCount()):
            item = self.services_tree.topLevelItem(n)
            if item.data(0, self.ROLE_ID) == sid:
                item.setCheckState(0, Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
                return
        raise KeyError(sid)

    def changes(self) -> list[tuple[Any, Any]]:
        """What applying would change: (target, value) pairs. Subclasses add theirs."""
        from .model import service_additions

        return service_additions(self.project, self.chosen_services(), self.catalog.service_pack)

    def update_apply(self) -> None:
        self.apply_button.setEnabled(self.result is not None and bool(self.changes()))

    def undo_text(self) -> str:
        return self.tr("Add suggested services")

    def apply(self) -> None:
        changes = self.changes()
        if changes and self._apply(changes, self.undo_text()):
            self.applied = True
            self.accept()

    # ------------------------------------------------------------------ closing
    def done(self, code: int) -> None:  # accept, reject, Escape, the window's close button
        self.cancel()
        super().done(code)

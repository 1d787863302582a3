"""Bottom pane: the findings of core's checks() (core.checks.Finding, the only finding type),
each clickable to where it can be fixed. Targets are read once, by targets.finding_target.

The site owner's tasks (severity "task") follow in their own group under a heading, each with a
checkbox: ticking one emits ``task_done`` and the window records it in the project
(``tasks_done``) as an undoable edit; the next checks show it ticked."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle

from .targets import finding_target
from .translation import Retranslating

if TYPE_CHECKING:
    from ..core.checks import Finding

ROLE_TARGET = Qt.ItemDataRole.UserRole
ROLE_TASK = Qt.ItemDataRole.UserRole + 1  # a task's id
_ORDER = {"error": 0, "warning": 1, "info": 2, "task": 3}


class FindingsList(Retranslating, QListWidget):
    activated_target = Signal(object)  # a targets.Target
    task_done = Signal(str, bool)  # task id, done

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.itemClicked.connect(self._go)
        self.itemActivated.connect(self._go)  # Enter key
        self.itemChanged.connect(self._ticked)
        self.findings: list[Finding] = []
        self.checked = False  # no result yet: an empty list must not read "no findings"
        self._ticking = False  # a click on a task's checkbox ticks it; it does not also lead away
        self.retranslateUi()

    def retranslateUi(self) -> None:  # noqa: N802 - Qt's name
        self.setAccessibleName(self.tr("Findings"))
        if self.checked:
            self.set_findings(self.findings)


    def forget(self) -> None:
        """No project, no result."""
        self.findings, self.checked = [], False
        self.clear()

    def set_findings(self, findings: list[Finding]) -> None:
        self.checked = True
        self.findings = sorted(findings, key=lambda f: _ORDER.get(f.severity, 3))
        scrolled = self.verticalScrollBar().value()  # new results must not throw the reader to the top
        self.blockSignals(True)  # filling the list is not the user ticking boxes
        try:
            self._fill()
        finally:
            self.blockSignals(False)
        self.doItemsLayout()  # the scroll range now, not in a later turn: the old value must fit
        self.verticalScrollBar().setValue(scrolled)

    def _fill(self) -> None:
        self.clear()
        style = self.style()
        icons = {
            "error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            "info": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation),
        }
        problems = [f for f in self.findings if f.severity != "task"]
        tasks = [f for f in self.findings if f.severity == "task"]
        for finding in problems:
            item = QListWidgetItem(icons.get(finding.severity, icons["info"]), finding.message)
            item.setData(ROLE_TARGET, finding_target(finding.target))
            item.setToolTip(f"{finding.code} → {finding.target}" if finding.target else finding.code)
            self.addItem(item)
        if not problems:
            item = QListWidgetItem(self.tr("No findings: everything the checks look at is in place."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(item)
        if tasks:
            heading = QListWidgetItem(self.tr("To do on your website and in your business (%1 of %2 open)")
                                      .replace("%1", str(sum(not t.done for t in tasks))).replace("%2", str(len(tasks))))
            font = QFont(heading.font())
            font.setBold(True)
            heading.setFont(font)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addItem(heading)
        for task in tasks:
            text = f"{task.message}\n{task.link}" if task.link else task.message
            item = QListWidgetItem(text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if task.done else Qt.CheckState.Unchecked)
            item.setData(ROLE_TARGET, finding_target(task.target))
            item.setData(ROLE_TASK, task.task)
            item.setToolTip(self.tr("Tick when done; it is saved with the project."))
            if task.done:
                font = QFont(item.font())
                font.setStrikeOut(True)
                item.setFont(font)
            self.addItem(item)

    def counts(self) -> dict[str, int]:
        """Errors, warnings, info and the tasks still open."""
        out = {"error": 0, "warning": 0, "info": 0, "task": 0}
        for f in self.findings:
            if not (f.severity == "task" and f.done):
                out[f.severity] = out.get(f.severity, 0) + 1
        return out

    def _ticked(self, item: QListWidgetItem) -> None:
        task = item.data(ROLE_TASK)
        if task:
            self._ticking = True  # the view reports the same click as itemClicked next
            self.task_done.emit(task, item.checkState() == Qt.CheckState.Checked)

    def _go(self, item: QListWidgetItem) -> None:
        if self._ticking:
            self._ticking = False
            return
        target = item.data(ROLE_TARGET)
        if target is not None:
            self.activated_target.emit(target)

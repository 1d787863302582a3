"""Bottom pane: the findings of core's checks() (core.checks.Finding, the only finding type),
each clickable to where it can be fixed. Targets are read once, by targets.finding_target."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle

from .targets import finding_target
from .translation import Retranslating

if TYPE_CHECKING:
    from ..core.checks import Finding

ROLE_TARGET = Qt.ItemDataRole.UserRole
_ORDER = {"error": 0, "warning": 1, "info": 2}


class FindingsList(Retranslating, QListWidget):
    activated_target = Signal(object)  # a targets.Target

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.itemClicked.connect(self._go)
        self.itemActivated.connect(self._go)  # Enter key
        self.findings: list[Finding] = []
        self.checked = False  # no result yet: an empty list must not read "no findings"
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
        self.clear()
        style = self.style()
        icons = {
            "error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            "info": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation),
        }
        for finding in self.findings:
            item = QListWidgetItem(icons.get(finding.severity, icons["info"]), finding.message)
            item.setData(ROLE_TARGET, finding_target(finding.target))
            item.setToolTip(f"{finding.code} → {finding.target}" if finding.target else finding.code)
            self.addItem(item)
        if not self.findings:
            item = QListWidgetItem(self.tr("No findings: everything the checks look at is in place."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(item)

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            out[f.severity] = out.get(f.severity, 0) + 1
        return out

    def _go(self, item: QListWidgetItem) -> None:
        target = item.data(ROLE_TARGET)
        if target is not None:
            self.activated_target.emit(target)

"""Bottom pane: findings from core checks(), each clickable to where it can be fixed."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle

ROLE_TARGET = Qt.ItemDataRole.UserRole
_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class LocalFinding:
    """Same shape as core's Finding, for problems only the GUI knows (pack errors, compose errors)."""

    severity: str
    code: str
    message: str
    target: str


def run_checks(catalog, project, document, lang: str) -> list:
    """core.checks when it is there; the GUI must not break while core grows."""
    try:
        from ..core.checks import checks
    except ImportError:
        return []
    try:
        return list(checks(catalog, project, document, lang=lang))
    except Exception as exc:  # a check bug must not take the editor down
        return [LocalFinding("info", "checks-failed", f"Checks could not run: {exc}", "")]


class FindingsList(QListWidget):
    activated_target = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Findings"))
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.itemClicked.connect(self._go)
        self.itemActivated.connect(self._go)  # Enter key
        self.findings: list = []

    def set_findings(self, findings: list) -> None:
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
            item.setData(ROLE_TARGET, finding.target)
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
        if target:
            self.activated_target.emit(target)

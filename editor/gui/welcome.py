"""The first-run / no-project page: what the app does and one click to start."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from ..resources import resource
from .about import not_legal_advice
from .translation import Retranslating


def example_files() -> list[Path]:
    try:
        return sorted(resource("examples").glob("*.policy.json"))
    except FileNotFoundError:
        return []


def _example_title(path: Path) -> str:
    """"Tischlerei Beispiel GmbH (Köln)" reads better than the file name."""
    from ..core.project import ProjectError, load

    try:
        controller = load(path).controller
    except ProjectError:
        return path.name
    return f"{controller.name} ({controller.city})" if controller.city else controller.name or path.name


class WelcomePage(Retranslating, QWidget):
    new_requested = Signal()
    open_requested = Signal()
    example_requested = Signal(str)  # path of an example file, "" = built-in example
    recent_requested = Signal(str)
    guide_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        card = QFrame()
        card.setObjectName("welcomeCard")
        card.setMaximumWidth(760)
        card.setStyleSheet("#welcomeCard { background: palette(base); border: 1px solid palette(mid); border-radius: 8px; }")
        icon = QLabel()
        icon.setPixmap(QPixmap(str(resource("icons", "app-128.png"))).scaled(
            96, 96, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        self.title = title = QLabel()
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        self.text = text = QLabel()
        text.setWordWrap(True)
        self.advice = QLabel()  # not legal advice: said once where every user starts
        self.advice.setWordWrap(True)
        self.advice.setObjectName("notLegalAdvice")
        head = QHBoxLayout()
        head.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.addWidget(title)
        words.addWidget(text)
        words.addWidget(self.advice)
        head.addLayout(words, 1)

        self.example_button = QPushButton()
        self.new_button = QPushButton()
        self.open_button = QPushButton()
        self.guide_button = QPushButton()
        buttons = QHBoxLayout()
        for b in (self.example_button, self.new_button, self.open_button, self.guide_button):
            b.setMinimumHeight(36)
            buttons.addWidget(b)
        buttons.addStretch(1)

        self.examples_label = QLabel()
        self.examples = QListWidget()
        self.recent_label = QLabel()
        self.recent = QListWidget()
        for widget in (self.examples, self.recent):  # a long path is shortened (its tooltip has it whole):
            widget.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a horizontal scroll bar would cover a row
            widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(14)
        inner.addLayout(head)
        inner.addLayout(buttons)
        inner.addWidget(self.examples_label)
        inner.addWidget(self.examples)
        inner.addWidget(self.recent_label)
        inner.addWidget(self.recent)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 4)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.guide_button.clicked.connect(self.guide_requested)
        self.example_button.clicked.connect(self._chosen_example)
        self.examples.currentRowChanged.connect(lambda row: self.example_button.setEnabled(row >= 0 or not self.examples.count()))
        self.examples.itemActivated.connect(lambda item: self.example_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.recent.itemActivated.connect(lambda item: self.recent_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.examples.itemClicked.connect(lambda item: self.example_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.recent.itemClicked.connect(lambda item: self.recent_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.retranslateUi()

    def retranslateUi(self) -> None:  # noqa: N802 - Qt's name
        self.title.setText(self.tr("Welcome to Policy Editor"))
        self.text.setText(self.tr(
            "Put together the privacy policy for your website in three steps: tick the services you use, "
            "fill in your company details, and export a Word file for your lawyer and HTML for your website. "
            "Everything stays on this computer."))
        self.advice.setText(not_legal_advice())
        self.example_button.setText(self.tr("Open the selected &example"))
        self.example_button.setToolTip(self.tr("Opens the example selected in the list below"))
        self.guide_button.setText(self.tr("&Guide"))
        self.guide_button.setToolTip(self.tr("A short guide for your first hour (F1)"))
        self.new_button.setText(self.tr("&New project"))
        self.open_button.setText(self.tr("&Open…"))
        self.examples_label.setText(self.tr("Examples:"))
        self.examples.setAccessibleName(self.tr("Example projects"))
        self.recent_label.setText(self.tr("Recent files:"))
        self.recent.setAccessibleName(self.tr("Recent files"))


    def start_here(self) -> QWidget:
        """Where Enter starts: a returning user's last file, else a new project (a first-time
        user who pressed Enter got an example company's policy, not their own)."""
        return self.recent if self.recent.count() else self.new_button

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not event.spontaneous():  # shown by the app, not the window coming back from the taskbar
            self.start_here().setFocus()

    def _chosen_example(self) -> None:
        """The example selected (visibly) in the list; the built-in one when there is no list."""
        item = self.examples.currentItem()
        if item is not None:
            self.example_requested.emit(item.data(Qt.ItemDataRole.UserRole))
        elif not self.examples.count():
            self.example_requested.emit("")

    def set_lists(self, recent: list[str]) -> None:
        self.examples.clear()
        for path in example_files():
            item = QListWidgetItem(_example_title(path))
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.examples.addItem(item)
        shown = self.examples.count() > 0
        if shown:  # the button opens what is selected, and the user sees which one
            self.examples.setCurrentRow(0)
        self.examples.setVisible(shown)
        self.examples_label.setVisible(shown)
        self.recent.clear()
        for path in recent:
            item = QListWidgetItem(f"{Path(path).name}  —  {Path(path).parent}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            self.recent.addItem(item)
        self.recent.setVisible(bool(recent))
        self.recent_label.setVisible(bool(recent))
        if recent:
            self.recent.setCurrentRow(0)
        self.new_button.setDefault(not recent)  # drawn as the button Enter presses, when it is
        if self.isVisible():
            self.start_here().setFocus()
        for widget in (self.examples, self.recent):  # as tall as whole rows: no empty box, no row cut in half
            rows = min(widget.count(), 6)
            margins = widget.contentsMargins()  # the frame and what Qt adds around the rows
            widget.setFixedHeight(max(rows, 1) * (widget.sizeHintForRow(0) if widget.count() else 20)
                                  + margins.top() + margins.bottom())

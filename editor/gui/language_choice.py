"""The policy's languages on the Company tab: German, or German and English — two choices, both in
view. German is always on (it is the reference text)."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QRadioButton, QWidget


class LanguageChoice(QWidget):
    chosen = Signal(bool)  # True: German and English

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.german_only = QRadioButton()
        self.german_english = QRadioButton()
        self.german_only.clicked.connect(lambda: self.chosen.emit(False))
        self.german_english.clicked.connect(lambda: self.chosen.emit(True))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.german_only)
        row.addWidget(self.german_english)
        row.addStretch(1)

    def show_languages(self, languages: list[str]) -> None:
        english = "en" in languages
        self.german_english.setChecked(english)
        self.german_only.setChecked(not english)

"""Help › Getting started: a short offline guide for the first hour, in the interface language."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ..resources import resource
from .translation import LANGUAGES


def guide_html(lang: str) -> str:
    """The guide (resources/help/guide-<lang>.html); English where ``lang`` has none."""
    return resource("help", f"guide-{lang if lang in LANGUAGES else 'en'}.html").read_text(encoding="utf-8")


class GuideDialog(QDialog):
    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Getting started with Policy Editor"))
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)  # offline: nothing in the guide leaves the app
        self.browser.setHtml(guide_html(lang))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        chars = self.fontMetrics().averageCharWidth()
        self.resize(chars * 90, self.fontMetrics().height() * 40)

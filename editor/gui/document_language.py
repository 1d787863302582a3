"""The toolbar's document-language box: which language of the policy the preview shows.

Both languages stay listed; one the project leaves out is greyed, and its item says where to add
it — in the list itself, where the user looks (a tooltip alone reached only those who hover), and
in the box's accessible description for a screen reader."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QComboBox, QWidget

from .translation import Retranslating

NAMES = {"de": "Deutsch", "en": "English"}  # each language in its own words, in either interface language


class DocumentLanguageBox(Retranslating, QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for code, name in NAMES.items():
            self.addItem(name, code)
        self.offered = list(NAMES)
        # as wide as a language's name: the popup widens for the longer greyed item
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(max(map(len, NAMES.values())))
        self.retranslateUi()

    def offer(self, languages: list[str]) -> None:
        """The project's policy languages: the others are greyed, with the reason."""
        self.offered = list(languages)
        self.retranslateUi()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.PaletteChange:  # a new theme: the greyed item takes its grey
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:  # noqa: N802 - Qt's name
        self.setAccessibleName(self.tr("Document language"))
        self.setToolTip(self.tr("Language of the policy shown in the preview"))
        # German is always there (the reference text): only English can be left out
        reason = self.tr(
            "This project's policy is in German only. Add English on the Company tab, under “Policy languages”.")
        greyed = self.tr("%1 — add it on the Company tab")
        grey = self.palette().placeholderText()  # to be read: not the faint grey of disabled text
        missing = ""
        for index in range(self.count()):
            code = self.itemData(index)
            offered = code in self.offered
            self.model().item(index).setEnabled(offered)
            self.setItemText(index, NAMES[code] if offered else greyed.replace("%1", NAMES[code]))
            self.setItemData(index, None if offered else reason, Qt.ItemDataRole.ToolTipRole)
            self.setItemData(index, None if offered else grey, Qt.ItemDataRole.ForegroundRole)
            missing = missing or ("" if offered else reason)
        self.setAccessibleDescription(missing)

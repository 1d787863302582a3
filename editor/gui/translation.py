"""The interface language: which one the user chose, and the Qt translators that show it.

Switching works the way Qt means it: installing a translator makes Qt send
QEvent.LanguageChange to every widget, whose ``changeEvent`` calls its ``retranslateUi()``. The
windows stay as they are — project, undo history and autosave are untouched.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from ..resources import resource
from . import settings as app_settings

LANGUAGES = ("de", "en")
_installed: list[QTranslator] = []  # a collected QTranslator stops translating: they live here
_language = ""  # of the installed translators; "" before the first install


def ui_language(choice: str | None = None) -> str:
    """``choice`` ("de"/"en"/"system"; default: the setting) as a language, "system" resolved
    through the system locale."""
    chosen = app_settings.value("ui_language", "system") if choice is None else choice
    if chosen in LANGUAGES:
        return chosen
    return "de" if QLocale.system().language() == QLocale.Language.German else "en"


def language() -> str:
    """The language the installed translators show ("" when none was installed)."""
    return _language


def install_translators(app: QCoreApplication, lang: str) -> None:
    """Ours and Qt's own (standard buttons, file dialogs) for ``lang``, replacing earlier ones.
    Qt posts QEvent.LanguageChange to the widgets (see switch_language)."""
    global _language
    while _installed:
        app.removeTranslator(_installed.pop())
    ours = QTranslator(app)
    if ours.load(str(resource("translations", f"policy_editor_{lang}.qm"))):
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)
    if qt.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    _language = lang


def switch_language(choice: str) -> str:
    """Show the interface in ``choice`` ("de", "en" or "system") now and return the language.
    The LanguageChange events Qt posted are delivered before this returns, so the windows
    read in the new language at once."""
    lang = ui_language(choice)
    if lang != _language:
        install_translators(QCoreApplication.instance(), lang)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    return lang


def choose_language(choice: str) -> str:
    """The user picked ``choice`` in the Language menu: remember it and switch."""
    app_settings.set_value("ui_language", choice)
    return switch_language(choice)


class Retranslating:
    """Mixin for a QWidget with a ``retranslateUi()``: called again when Qt delivers
    QEvent.LanguageChange (list it before the Qt class: ``class Form(Retranslating, QWidget)``)."""

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

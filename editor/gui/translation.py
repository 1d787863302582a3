"""The interface language: which one the user chose, and the Qt translators that show it.

Switching works the way Qt means it: installing a translator makes Qt send
QEvent.LanguageChange to every widget, whose ``changeEvent`` calls its ``retranslateUi()``. The
windows stay as they are — project, undo history and autosave are untouched.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTranslator

from ..resources import resource
from . import settings as app_settings

LANGUAGES = ("de", "en")


class InterfaceLanguage(QObject):
    """The installed translators and the language they show: one per application, owned by it
    as a Qt child (a collected QTranslator stops translating, so they are kept here)."""

    NAME = "policy-editor-interface-language"

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.setObjectName(self.NAME)
        self.app = app
        self.translators: list[QTranslator] = []
        self.language = ""  # of the installed translators; "" before the first install

    @classmethod
    def of(cls, app: QCoreApplication | None = None) -> "InterfaceLanguage":
        app = app or QCoreApplication.instance()
        return app.findChild(cls, cls.NAME) or cls(app)

    def install(self, lang: str) -> None:
        """Ours and Qt's own (standard buttons, file dialogs) for ``lang``, replacing earlier ones."""
        self.restore([], "")
        ours = QTranslator(self.app)
        if ours.load(str(resource("translations", f"policy_editor_{lang}.qm"))):
            self.app.installTranslator(ours)
            self.translators.append(ours)
        qt = QTranslator(self.app)
        if qt.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            self.app.installTranslator(qt)
            self.translators.append(qt)
        self.language = lang

    def restore(self, translators: list[QTranslator], language: str) -> None:
        """Put back translators taken earlier (``[]``, "": none, the source texts)."""
        translators = list(translators)
        while self.translators:
            self.app.removeTranslator(self.translators.pop())
        for translator in translators:
            self.app.installTranslator(translator)
        self.translators[:] = translators
        self.language = language


def ui_language(choice: str | None = None) -> str:
    """``choice`` ("de"/"en"/"system"; default: the setting) as a language, "system" resolved
    through the system locale."""
    chosen = app_settings.value("ui_language", "system") if choice is None else choice
    if chosen in LANGUAGES:
        return chosen
    return "de" if QLocale.system().language() == QLocale.Language.German else "en"


def language() -> str:
    """The language the installed translators show ("" when none was installed)."""
    return InterfaceLanguage.of().language if QCoreApplication.instance() else ""


def install_translators(app: QCoreApplication, lang: str) -> None:
    """Ours and Qt's own for ``lang``, replacing earlier ones. Qt posts QEvent.LanguageChange to
    the widgets (see switch_language)."""
    InterfaceLanguage.of(app).install(lang)


def switch_language(choice: str) -> str:
    """Show the interface in ``choice`` ("de", "en" or "system") now and return the language.
    The LanguageChange events Qt posted are delivered before this returns, so the windows
    read in the new language at once."""
    lang = ui_language(choice)
    if lang != language():
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

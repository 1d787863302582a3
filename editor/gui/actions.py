"""The main window's actions, menus and toolbar, and their texts in the interface language.

``MainActions`` makes them and keeps them current (undo/redo texts, recent files, enabled
states); what they do is wired by the window (mainwindow.py).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence, QUndoStack
from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QMenu, QStyle

K = QKeySequence.StandardKey
SP = QStyle.StandardPixmap


def redo_keys(standard: list[QKeySequence]) -> list[QKeySequence]:
    """The platform's redo keys plus Ctrl+Y: Linux's themes offer only Ctrl+Shift+Z, and users
    who came from Windows press Ctrl+Y."""
    ctrl_y = QKeySequence("Ctrl+Y")
    return standard if ctrl_y in standard else [*standard, ctrl_y]


class MainActions(QObject):
    recent_chosen = Signal(str)  # a path from File › Open Recent
    recent_cleared = Signal()
    ui_language_chosen = Signal(str)  # "system", "de" or "en"

    def __init__(self, window: QMainWindow, undo_stack: QUndoStack, language_combo: QComboBox,
                 ui_language_setting: str) -> None:
        super().__init__(window)

        def action(shortcut=None, pixmap=None, role=None) -> QAction:
            a = QAction(window)
            if shortcut is not None:
                a.setShortcuts(shortcut if not isinstance(shortcut, str) else QKeySequence.listFromString(shortcut))
            if pixmap is not None:
                a.setIcon(window.style().standardIcon(pixmap))
            if role is not None:
                a.setMenuRole(role)
            return a

        self.new = action(K.New, SP.SP_FileIcon)
        self.open = action(K.Open, SP.SP_DialogOpenButton)
        self.save = action(K.Save, SP.SP_DialogSaveButton)
        self.save_as = action(K.SaveAs)
        self.export = action("Ctrl+E")
        self.close = action(K.Close)
        self.quit = action(K.Quit, role=QAction.MenuRole.QuitRole)
        self.undo = action(K.Undo)  # not createUndoAction: its prefix cannot be retranslated
        self.redo = action(redo_keys(QKeySequence.keyBindings(K.Redo)))
        for a, theme, fallback in ((self.undo, QIcon.ThemeIcon.EditUndo, SP.SP_ArrowBack),
                                   (self.redo, QIcon.ThemeIcon.EditRedo, SP.SP_ArrowForward)):
            a.setIcon(QIcon.fromTheme(theme, window.style().standardIcon(fallback)))
        self.find = action(K.Find)
        self.about = action(role=QAction.MenuRole.AboutRole)
        self.guide = action(K.HelpContents)
        self.scan = action()
        self.import_policy = action()
        self.project_actions = (self.save, self.save_as, self.export, self.scan, self.import_policy,
                                self.close)  # need an open project
        self.undo.triggered.connect(undo_stack.undo)
        self.redo.triggered.connect(undo_stack.redo)
        undo_stack.canUndoChanged.connect(self.undo.setEnabled)
        undo_stack.canRedoChanged.connect(self.redo.setEnabled)
        self._steps = {"undo": "", "redo": ""}  # the names of the steps undo/redo would take
        undo_stack.undoTextChanged.connect(lambda text: self._undo_texts(undo=text))
        undo_stack.redoTextChanged.connect(lambda text: self._undo_texts(redo=text))
        self.undo.setEnabled(False)
        self.redo.setEnabled(False)

        bar = window.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addActions([self.new, self.open])
        self.recent_menu = self.file_menu.addMenu("")
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.save, self.save_as, self.export])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.scan, self.import_policy])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.close, self.quit])
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addActions([self.undo, self.redo])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.find)
        self.view_menu = bar.addMenu("")  # the window adds the findings dock's action
        lang_menu = bar.addMenu("Sprache/&Language")  # readable in either language
        group = QActionGroup(self)
        self.ui_languages: dict[str, QAction] = {}
        for code, text in (("system", ""), ("de", "Deutsch"), ("en", "English")):
            a = QAction(text, window, checkable=True)
            a.setChecked(code == ui_language_setting)
            a.triggered.connect(lambda _c=False, code=code: self.ui_language_chosen.emit(code))
            group.addAction(a)
            lang_menu.addAction(a)
            self.ui_languages[code] = a
        self.help_menu = bar.addMenu("")
        self.help_menu.addActions([self.guide, self.about])

        self.toolbar = window.addToolBar("")
        self.toolbar.setObjectName("main-toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addActions([self.new, self.open, self.save])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.undo, self.redo])  # labelled "Undo"/"Redo"; the step is in the tooltip
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.export)
        self.toolbar.addSeparator()
        self.language_label = QLabel()
        self.language_label.setBuddy(language_combo)
        self.toolbar.addWidget(self.language_label)
        self.toolbar.addWidget(language_combo)
        self._recent: list[str] = []
        self.retranslateUi()

    def retranslateUi(self) -> None:  # noqa: N802 - Qt's name
        for a, text in ((self.new, self.tr("&New")), (self.open, self.tr("&Open…")), (self.save, self.tr("&Save")),
                        (self.save_as, self.tr("Save &As…")), (self.export, self.tr("&Export…")),
                        (self.close, self.tr("&Close")), (self.quit, self.tr("&Quit")),
                        (self.find, self.tr("&Find service")), (self.scan, self.tr("Scan my &website…")),
                        (self.import_policy, self.tr("&Import existing policy…")), (self.about, self.tr("&About Policy Editor")),
                        (self.guide, self.tr("&Getting started")),
                        (self.ui_languages["system"], self.tr("System default"))):
            a.setText(text)
        self._undo_texts()
        self.file_menu.setTitle(self.tr("&File"))
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.toolbar.setWindowTitle(self.tr("Main"))
        self.language_label.setText(self.tr("Document &language:") + " ")
        self.set_recent(self._recent)

    def _undo_texts(self, **steps: str) -> None:
        """"Undo Company name": the step's name after the word (QUndoStack's own actions keep the
        prefix they were made with). The stack says what changed, not asked: it tells while it
        is being destroyed too."""
        self._steps.update(steps)
        for a, prefix, short, step in ((self.undo, self.tr("&Undo"), self.tr("Undo"), self._steps["undo"]),
                                       (self.redo, self.tr("&Redo"), self.tr("Redo"), self._steps["redo"])):
            a.setText(f"{prefix} {step}" if step else prefix)
            a.setIconText(short)  # the toolbar button: a word, not a bare arrow, and never the long step name
            shortcut = a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            a.setToolTip(f"{short} {step}".strip() + (f" ({shortcut})" if shortcut else ""))

    def set_project_open(self, is_open: bool) -> None:
        for a in self.project_actions:
            a.setEnabled(is_open)

    def set_recent(self, files: list[str]) -> None:
        self._recent = list(files)
        menu: QMenu = self.recent_menu
        menu.clear()
        for n, path in enumerate(files, start=1):
            a = menu.addAction(f"&{n} {Path(path).name}")
            a.setToolTip(path)
            a.triggered.connect(lambda _c=False, p=path: self.recent_chosen.emit(p))
        menu.setEnabled(bool(files))
        if files:
            menu.addSeparator()
            menu.addAction(self.tr("&Clear list"), self.recent_cleared.emit)

"""The questions the window asks the user: message boxes and file dialogs.

Every one goes through a ``Prompts`` method, so tests answer by replacing the method on the
window's instance (``window.prompts.ask_unsaved = lambda name: "discard"``).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from .. import APP_NAME
from ..core import project as project_io

Button = QMessageBox.StandardButton
Role = QMessageBox.ButtonRole


def _box(*args) -> QMessageBox:
    """A message box whose texts show as they are: they may quote a project file (a service id,
    a path), which must never be read as rich text."""
    box = QMessageBox(*args)
    box.setTextFormat(Qt.TextFormat.PlainText)  # the informative text follows it
    return box


class Prompts(QObject):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = parent

    def ask_unsaved(self, name: str) -> str:
        """"save", "discard" or "cancel" for the unsaved changes to the project called ``name``
        ("" for a new project)."""
        box = _box(QMessageBox.Icon.Warning, APP_NAME,
                          self.tr("Do you want to save the changes to %1?").replace("%1", name or self.tr("the new project")),
                          Button.Save | Button.Discard | Button.Cancel, self.window)
        box.setInformativeText(self.tr("If you don't save, your changes will be lost."))
        box.setDefaultButton(Button.Save)
        result = Button(box.exec())
        return {Button.Save: "save", Button.Discard: "discard"}.get(result, "cancel")

    def ask_restore(self, question: str) -> bool:
        box = _box(QMessageBox.Icon.Question, APP_NAME, question, Button.NoButton, self.window)
        box.setInformativeText(self.tr("Policy Editor was not closed properly last time. "
                                       "Restoring opens these changes as unsaved work; discarding deletes them."))
        restore = box.addButton(self.tr("&Restore"), Role.AcceptRole)
        box.addButton(self.tr("&Discard"), Role.DestructiveRole)
        box.setDefaultButton(restore)
        box.exec()
        return box.clickedButton() is restore

    def ask_file_changed(self, path: Path) -> str:
        """"overwrite", "save_as" or "cancel" for a file another program changed since it was opened."""
        box = _box(QMessageBox.Icon.Warning, APP_NAME,
                          self.tr("The file was changed by another program since you opened it."),
                          Button.NoButton, self.window)
        box.setInformativeText(self.tr("Overwriting %1 replaces those changes with yours. Save As keeps both.")
                               .replace("%1", path.name))
        overwrite = box.addButton(self.tr("&Overwrite"), Role.DestructiveRole)
        save_as = box.addButton(self.tr("Save &As…"), Role.AcceptRole)
        box.addButton(Button.Cancel)
        box.setDefaultButton(save_as)
        box.exec()
        return {overwrite: "overwrite", save_as: "save_as"}.get(box.clickedButton(), "cancel")

    def ask_replace_readonly(self, path: Path) -> bool:
        box = _box(QMessageBox.Icon.Warning, APP_NAME,
                          self.tr("%1 is read-only. Overwrite it anyway?").replace("%1", path.name),
                          Button.NoButton, self.window)
        box.setInformativeText(self.tr("The file stays read-only afterwards. Choose Cancel and then Save As "
                                       "to keep it unchanged."))
        overwrite = box.addButton(self.tr("&Overwrite"), Role.DestructiveRole)
        box.addButton(Button.Cancel)
        box.setDefaultButton(Button.Cancel)
        box.exec()
        return box.clickedButton() is overwrite

    def ask_open_path(self, folder: str) -> str:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open project"), folder,
                                              self.tr("Policy Editor projects (*.policy.json *.json);;All files (*)"))
        return path

    def ask_save_path(self, current: Path | None, folder: str, stem: str = "") -> str:
        """Where to save; a new project is offered ``stem`` (from the company's name) as its name."""
        start = str(current) if current else str(Path(folder) / ((stem or self.tr("privacy-policy")) + project_io.SUFFIX))
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save project"), start,
                                              self.tr("Policy Editor projects (*.policy.json)"))
        return path

    def ask_import_path(self, folder: str) -> str:
        """An old privacy policy to import ("" if cancelled)."""
        from .import_dialog import policy_filter

        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import existing policy"), folder, policy_filter())
        return path

    def ask_remove_unknown(self, sid: str) -> bool:
        """Remove the selected service ``sid``, which no installed clause pack knows, from the project?"""
        box = _box(QMessageBox.Icon.Warning, APP_NAME,
                          self.tr("No installed clause pack knows the service %1.").replace("%1", self.tr("“%1”").replace("%1", sid)),
                          Button.NoButton, self.window)
        box.setInformativeText(self.tr("It stays in the project file but is missing from the policy, and the policy "
                                       "cannot be exported. Remove it from the project, or install its pack again "
                                       "and open the project anew. Removing it can be undone."))
        remove = box.addButton(self.tr("&Remove from the project"), Role.DestructiveRole)
        box.addButton(Button.Cancel)
        box.setDefaultButton(remove)
        box.exec()
        return box.clickedButton() is remove

    def show_error(self, title: str, text: str, details: str = "") -> None:
        """``details``: words for support (a parser's own text), behind the box's Details button."""
        box = _box(QMessageBox.Icon.Warning, title, title, Button.Ok, self.window)
        box.setInformativeText(text)
        if details:
            box.setDetailedText(details)
        box.exec()

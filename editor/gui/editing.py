"""Every edit of the project as one undo command on the window's stack: a field, a group of
changes (a scan's or import's suggestions, an own service), a task marked done, a service
ticked in the checklist."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from ..core.project import SelectedService
from .model import GroupCommand, SetCommand
from .targets import EditTarget, ProjectField, ServiceTarget


class Editing(QObject):
    """The edits of ``window`` (a MainWindow: its model, undo stack, session and catalog)."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window

    def push(self, target: EditTarget, value: Any, text: str, session: int | None = None) -> None:
        """Every change to the project goes through here (and so onto the undo stack)."""
        if not self.window.session.has_project:
            return
        command = SetCommand(self.window.model, target, value, text, session)
        if command.cut:
            self.window.statusBar().showMessage(self.tr("The text was cut to the most characters Policy Editor "
                                                        "accepts for this field."), 8000)
        if command.old == command.new and session is None:
            return
        self.window.undo_stack.push(command)

    def apply_changes(self, changes: list, text: str) -> bool:
        """Several changes (a scan's or an import's confirmed suggestions) as one undo step."""
        if not self.window.session.has_project:
            return False
        command = GroupCommand(self.window.model, changes, text)
        if not command.parts:
            return False
        self.window.undo_stack.push(command)
        return True

    def mark_task(self, task: str, done: bool) -> None:
        """A task of the to-do list ticked or unticked: recorded in the project, undoably."""
        current = [t for t in self.window.model.project.tasks_done if t != task]
        self.push(ProjectField("tasks_done"), current + [task] if done else current,
                  self.tr("Mark task as done") if done else self.tr("Mark task as open"))

    def toggle_service(self, sid: str, ticked: bool) -> None:
        service = self.window.project_catalog().services.get(sid) if self.window.catalog is not None else None
        name = service.name(self.window.ui_language) if service else sid
        target = ServiceTarget(sid)
        current = self.window.model.get(target)
        if ticked and current is None:
            index = len(self.window.model.project.services)
            pack = self.window.project_catalog().service_pack.get(sid, "")
            self.push(target, (index, SelectedService(id=sid, pack=pack)), self.tr("Add %1").replace("%1", name))
            self.window.preview.scroll_to(f"service-{sid}")  # show what the tick added (composed already)
        elif not ticked and current is not None:
            self.push(target, None, self.tr("Remove %1").replace("%1", name))

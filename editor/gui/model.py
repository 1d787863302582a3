"""The edited Project behind a small path API, and the undo commands that change it.

Every change goes through ``SetCommand`` on the window's QUndoStack; the widgets listen to
``ProjectModel.changed`` and refresh themselves, so undo/redo and typing share one path.
Paths: ``controller.<field>``, ``dpo`` (Dpo or None), ``dpo.<field>``, ``state``, ``stand``,
``websites``, ``service:<id>`` ((index, SelectedService) or None), ``option:<sid>:<oid>``
(value or None = default), ``custom_sections`` (list), ``custom:<cid>:title|body:<lang>``.
"""
from __future__ import annotations

from typing import Any

import msgspec
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand

from ..core.project import CustomSection, Dpo, Project, SelectedService, clean_value


def deep_copy(value: Any) -> Any:
    """Structs and lists are mutable: commands keep private copies of what they restore."""
    if isinstance(value, msgspec.Struct):
        return msgspec.json.decode(msgspec.json.encode(value), type=type(value))
    if isinstance(value, tuple):
        return tuple(deep_copy(v) for v in value)
    if isinstance(value, list):
        return [deep_copy(v) for v in value]
    if isinstance(value, dict):
        return {k: deep_copy(v) for k, v in value.items()}
    return value


class ProjectModel(QObject):
    changed = Signal(str)  # the path that changed; "" = the whole project was replaced

    def __init__(self, project: Project | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project or Project()

    def replace(self, project: Project) -> None:
        self.project = project
        self.changed.emit("")

    # ------------------------------------------------------------------ path access
    def get(self, path: str) -> Any:
        p = self.project
        if path.startswith("controller."):
            return getattr(p.controller, path.split(".", 1)[1])
        if path == "dpo":
            return deep_copy(p.dpo)
        if path.startswith("dpo."):
            return getattr(p.dpo, path.split(".", 1)[1]) if p.dpo is not None else ""
        if path in ("state", "stand"):
            return getattr(p, path)
        if path == "websites":
            return list(p.websites)
        if path.startswith("service:"):
            sid = path.split(":", 1)[1]
            for index, selected in enumerate(p.services):
                if selected.id == sid:
                    return (index, deep_copy(selected))
            return None
        if path.startswith("option:"):
            _, sid, oid = path.split(":", 2)
            selected = p.selected(sid)
            return None if selected is None else selected.options.get(oid)
        if path == "custom_sections":
            return deep_copy(p.custom_sections)
        if path == "export_history":
            return deep_copy(p.export_history)
        if path.startswith("custom:"):
            _, cid, part, lang = path.split(":")
            section = self.custom(cid)
            return "" if section is None else getattr(getattr(section, part), lang)
        raise KeyError(path)

    def set(self, path: str, value: Any) -> None:
        p = self.project
        value = deep_copy(value)
        if path.startswith("controller."):
            setattr(p.controller, path.split(".", 1)[1], value)
        elif path == "dpo":
            p.dpo = value
        elif path.startswith("dpo."):
            if p.dpo is None:
                p.dpo = Dpo()
            setattr(p.dpo, path.split(".", 1)[1], value)
        elif path in ("state", "stand"):
            setattr(p, path, value)
        elif path == "websites":
            p.websites = list(value)
        elif path.startswith("service:"):
            sid = path.split(":", 1)[1]
            p.services = [s for s in p.services if s.id != sid]
            if value is not None:
                index, selected = value
                p.services.insert(min(index, len(p.services)), selected)
        elif path.startswith("option:"):
            _, sid, oid = path.split(":", 2)
            selected = p.selected(sid)
            if selected is None:
                return
            options = dict(selected.options)
            if value is None:
                options.pop(oid, None)
            else:
                options[oid] = value
            selected.options = options
        elif path == "custom_sections":
            p.custom_sections = value
        elif path == "export_history":
            p.export_history = list(value)
        elif path.startswith("custom:"):
            _, cid, part, lang = path.split(":")
            section = self.custom(cid)
            if section is None:
                return
            setattr(getattr(section, part), lang, value)
        else:
            raise KeyError(path)
        self.changed.emit(path)

    @staticmethod
    def clean(path: str, value: Any) -> tuple[Any, bool]:
        """``value`` as the project may hold it (core.project.clean_value): characters that cannot
        be saved replaced, texts cut to their field's limit; and whether something was cut."""
        if path.startswith("option:"):
            field = "services[].options." + path.split(":", 2)[2]
        elif path.startswith("custom:"):
            _, _cid, part, lang = path.split(":")
            field = f"custom_sections[].{part}.{lang}"
        elif path.startswith("service:"):
            field = "services[]"
        else:
            field = path  # controller.<field>, dpo, dpo.<field>, state, stand, websites, custom_sections, ...
        return clean_value(value, field)

    def custom(self, cid: str) -> CustomSection | None:
        return next((c for c in self.project.custom_sections if c.id == cid), None)

    def selected_service(self, sid: str) -> SelectedService | None:
        return self.project.selected(sid)


class SetCommand(QUndoCommand):
    """Set one path. Commands with the same ``merge_key`` merge (one step per typing burst)."""

    MERGE_ID = 0x5E7

    def __init__(self, model: ProjectModel, path: str, new: Any, text: str, merge_key: Any = None) -> None:
        super().__init__(text)
        self.model = model
        self.path = path
        self.old = model.get(path)
        self.new, self.cut = model.clean(path, deep_copy(new))
        self.merge_key = merge_key

    def id(self) -> int:  # noqa: A003 - Qt's name
        return self.MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, SetCommand) or other.path != self.path or other.merge_key != self.merge_key:
            return False
        self.new = other.new
        if self.new == self.old:
            self.setObsolete(True)  # typed and deleted again: nothing left to undo
        return True

    def redo(self) -> None:
        self.model.set(self.path, self.new)

    def undo(self) -> None:
        self.model.set(self.path, self.old)

"""The edited Project behind typed targets (targets.py), and the undo command that changes it.

Every change goes through ``SetCommand`` on the window's QUndoStack; the widgets listen to
``ProjectModel.changed`` and refresh themselves, so undo/redo and typing share one path.
"""
from __future__ import annotations

from typing import Any

import msgspec
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand

from ..core.project import CustomSection, Dpo, Project, SelectedService, clean_value
from .targets import (
    ControllerField, CustomSectionField, DpoField, DpoTarget, EditTarget, ProjectField, ServiceOption, ServiceTarget,
)


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
    changed = Signal(object)  # the EditTarget that changed; None = the whole project was replaced

    def __init__(self, project: Project | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project or Project()

    def replace(self, project: Project) -> None:
        self.project = project
        self.changed.emit(None)

    def get(self, target: EditTarget) -> Any:
        p = self.project
        match target:
            case ControllerField(name):
                return getattr(p.controller, name)
            case DpoTarget():
                return deep_copy(p.dpo)
            case DpoField(name):
                return getattr(p.dpo, name) if p.dpo is not None else ""
            case ProjectField(name):
                return deep_copy(getattr(p, name))
            case ServiceTarget(sid):
                return next(((i, deep_copy(s)) for i, s in enumerate(p.services) if s.id == sid), None)
            case ServiceOption(sid, oid):
                selected = p.selected(sid)
                return None if selected is None else selected.options.get(oid)
            case CustomSectionField(cid, field, lang):
                section = self.custom(cid)
                return "" if section is None else getattr(getattr(section, field), lang)
        raise KeyError(target)

    def set(self, target: EditTarget, value: Any) -> None:
        p = self.project
        value = deep_copy(value)
        match target:
            case ControllerField(name):
                setattr(p.controller, name, value)
            case DpoTarget():
                p.dpo = value
            case DpoField(name):
                if p.dpo is None:
                    p.dpo = Dpo()
                setattr(p.dpo, name, value)
            case ProjectField(name):
                setattr(p, name, list(value) if isinstance(value, list) else value)
            case ServiceTarget(sid):
                p.services = [s for s in p.services if s.id != sid]
                if value is not None:
                    index, selected = value
                    p.services.insert(min(index, len(p.services)), selected)
            case ServiceOption(sid, oid):
                selected = p.selected(sid)
                if selected is None:
                    return
                options = dict(selected.options)
                if value is None:
                    options.pop(oid, None)
                else:
                    options[oid] = value
                selected.options = options
            case CustomSectionField(cid, field, lang):
                section = self.custom(cid)
                if section is None:
                    return
                setattr(getattr(section, field), lang, value)
            case _:
                raise KeyError(target)
        self.changed.emit(target)

    def custom(self, cid: str) -> CustomSection | None:
        return next((c for c in self.project.custom_sections if c.id == cid), None)

    def selected_service(self, sid: str) -> SelectedService | None:
        return self.project.selected(sid)


class SetCommand(QUndoCommand):
    """Set one target. Commands for the same target and the same typing ``session`` merge (one
    step per burst of typing); ``session`` None never merges."""

    MERGE_ID = 0x5E7

    def __init__(self, model: ProjectModel, target: EditTarget, new: Any, text: str, session: int | None = None) -> None:
        super().__init__(text)
        self.model = model
        self.target = target
        self.old = model.get(target)
        # the value as the project may hold it: characters that cannot be saved replaced, texts
        # cut to their field's limit (core.project.clean_value); ``cut`` says whether it was cut
        self.new, self.cut = clean_value(deep_copy(new), target.clean_field())
        self.session = session

    def id(self) -> int:  # noqa: A003 - Qt's name
        return self.MERGE_ID if self.session is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, SetCommand) or other.target != self.target or other.session != self.session:
            return False
        self.new = other.new
        if self.new == self.old:
            self.setObsolete(True)  # typed and deleted again: nothing left to undo
        return True

    def redo(self) -> None:
        self.model.set(self.target, self.new)

    def undo(self) -> None:
        self.model.set(self.target, self.old)


class GroupCommand(QUndoCommand):
    """Several changes as ONE undo step — the services and company details a scan or an import
    suggested and the user confirmed. ``changes`` are (target, new value) pairs; those that
    change nothing are left out (``parts`` may end up empty: then there is nothing to push).
    Redo applies them in order, undo reverts them in reverse order."""

    def __init__(self, model: ProjectModel, changes: list[tuple[EditTarget, Any]], text: str) -> None:
        super().__init__(text)
        self.parts: list[SetCommand] = []
        for target, value in changes:
            part = SetCommand(model, target, value, text)
            if part.old != part.new:
                self.parts.append(part)

    def redo(self) -> None:
        for part in self.parts:
            part.redo()

    def undo(self) -> None:
        for part in reversed(self.parts):
            part.undo()


def service_additions(project: Project, ids: list[str], packs: dict[str, str] | None = None) -> list[tuple[EditTarget, Any]]:
    """The changes that tick ``ids`` (those not yet selected), appended in the given order;
    ``packs`` (the catalog's service_pack) records where each came from."""
    selected = set(project.service_ids())
    new = [sid for sid in dict.fromkeys(ids) if sid not in selected]
    start = len(project.services)
    packs = packs or {}
    return [(ServiceTarget(sid), (start + n, SelectedService(id=sid, pack=packs.get(sid, ""))))
            for n, sid in enumerate(new)]

"""Autosave and crash recovery.

Each running window owns a session: ``<id>.policy.json`` (the unsaved project), ``<id>.meta.json``
(original path, time) and ``<id>.lock`` (a QLockFile held while the session lives). A session
whose lock can be taken by somebody else did not end cleanly (its process is gone): its
autosave is offered for restore. A clean save or close removes the session's files.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import uuid
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QLockFile

from ..core import project as project_io
from ..core.project import Project


class Orphan(NamedTuple):  # not a dataclass: importing dataclasses costs the first paint ~3 ms
    session: str
    project_file: Path
    meta_file: Path
    lock_file: Path
    original: str  # path of the project it belongs to, "" for a new project
    time: _dt.datetime

    def load(self) -> Project:
        return project_io.load(self.project_file)

    def discard(self) -> None:
        for f in (self.project_file, self.meta_file, self.lock_file):
            try:
                f.unlink()
            except OSError:
                pass


class Autosave:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.session = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self._lock: QLockFile | None = None

    @property
    def project_file(self) -> Path:
        return self.folder / f"{self.session}.policy.json"

    @property
    def meta_file(self) -> Path:
        return self.folder / f"{self.session}.meta.json"

    @property
    def lock_file(self) -> Path:
        return self.folder / f"{self.session}.lock"

    def _ensure_lock(self) -> None:
        if self._lock is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._lock = QLockFile(str(self.lock_file))
            self._lock.setStaleLockTime(0)  # staleness = the owning process is gone, not age
            self._lock.tryLock(0)

    def write(self, project: Project, original: str) -> Path:
        self._ensure_lock()
        project_io.save(project, self.project_file, keep_backup=False)
        meta = {"original": original, "time": _dt.datetime.now().isoformat(timespec="seconds"), "pid": os.getpid()}
        self.meta_file.write_text(json.dumps(meta), encoding="utf-8")
        return self.project_file

    def exists(self) -> bool:
        return self.project_file.exists()

    def remove(self) -> None:
        """Clean save or clean close: nothing to recover."""
        for f in (self.project_file, self.meta_file):
            try:
                f.unlink()
            except OSError:
                pass
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def orphans(self) -> list[Orphan]:
        """Autosaves of sessions that ended without cleaning up (crash, kill, power loss)."""
        found = []
        if not self.folder.is_dir():
            return found
        for meta_file in sorted(self.folder.glob("*.meta.json")):
            session = meta_file.name[: -len(".meta.json")]
            if session == self.session:
                continue
            lock_file = self.folder / f"{session}.lock"
            probe = QLockFile(str(lock_file))
            probe.setStaleLockTime(0)
            if not probe.tryLock(0):
                continue  # another window still runs this session
            probe.unlock()
            project_file = self.folder / f"{session}.policy.json"
            try:
                meta = json.loads(meta_file.read_text(encoding="utf-8"))
                time = _dt.datetime.fromisoformat(meta["time"])
                original = str(meta.get("original") or "")
            except (OSError, ValueError, KeyError, TypeError):
                meta_file.unlink(missing_ok=True)
                continue
            if not project_file.exists():
                meta_file.unlink(missing_ok=True)
                continue
            found.append(Orphan(session, project_file, meta_file, lock_file, original, time))
        return found

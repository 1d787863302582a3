"""Autosave and crash recovery.

Each running window owns a session: ``<id>.policy.json`` (the unsaved project), ``<id>.meta.json``
(original path, its fingerprint, time) and ``<id>.lock`` (a QLockFile held while the session
lives). Both files are written atomically (core/atomic.py). A session whose lock can be taken by
somebody else did not end cleanly (its process is gone): its autosave is offered for restore —
also when its notes are missing or unreadable (then as a new project, with ``problem`` saying
why), so one damaged entry never hides the work. Nothing that holds work is deleted unless the
user discards it. A clean save or close removes the session's files.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import uuid
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QLockFile

from ..core import atomic
from ..core import project as project_io
from ..core.atomic import Fingerprint
from ..core.project import Project


STALE_EMPTY_LOCK_S = 5.0


class Orphan(NamedTuple):  # not a dataclass: importing dataclasses costs the first paint ~3 ms
    session: str
    project_file: Path
    meta_file: Path
    lock_file: Path
    original: str  # path of the project it belongs to, "" for a new project
    time: _dt.datetime
    fingerprint: Fingerprint | None = None  # of the original file when the session opened it
    problem: str = ""  # why the notes (meta file) could not be used; "" when they could

    def load(self) -> Project:
        return project_io.load(self.project_file)

    def discard(self) -> None:
        _remove(self.project_file, self.meta_file, self.lock_file)


def _remove(*files: Path) -> None:
    """Remove ``files`` and temporary files a killed write of them left behind."""
    for f in files:
        for path in (f, *atomic.temp_files(f)):
            try:
                path.unlink()
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

    def write(self, project: Project, original: str, fingerprint: Fingerprint | None = None) -> Path:
        """Save ``project`` as this session's autosave; raises SaveError (an OSError)."""
        self._ensure_lock()
        project_io.save(project, self.project_file, keep_backup=False)
        meta = {"original": original, "time": _dt.datetime.now().isoformat(timespec="seconds"), "pid": os.getpid(),
                "fingerprint": list(fingerprint) if fingerprint else None}
        atomic.write_atomic(self.meta_file, json.dumps(meta).encode("utf-8"))
        return self.project_file

    def exists(self) -> bool:
        return self.project_file.exists()

    def remove(self) -> None:
        """Clean save or clean close: nothing to recover."""
        _remove(self.project_file, self.meta_file)
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def orphans(self) -> list[Orphan]:
        """Autosaves of sessions that ended without cleaning up (crash, kill, power loss), oldest
        session name first. Sessions are found by any of their files: a kill between writing
        the project and its notes must not hide the project."""
        found: list[Orphan] = []
        if not self.folder.is_dir():
            return found
        sessions = sorted({p.name.split(".", 1)[0] for pattern in ("*.policy.json", "*.meta.json", "*.lock")
                           for p in self.folder.glob(pattern)} - {self.session})
        for session in sessions:
            lock_file = self.folder / f"{session}.lock"
            probe = QLockFile(str(lock_file))
            probe.setStaleLockTime(0)
            project_file = self.folder / f"{session}.policy.json"
            meta_file = self.folder / f"{session}.meta.json"
            if not probe.tryLock(0):
                if _killed_while_locking(probe, lock_file) and not project_file.exists():
                    _remove(meta_file, lock_file)  # no work, only debris
                continue  # another window still runs this session
            probe.unlock()
            for f in (project_file, meta_file):
                atomic.clean_stale_temps(f)  # the session's process is gone: its temp files are debris
            if not project_file.exists():
                _remove(meta_file, lock_file)  # notes without work: nothing to recover
                continue
            found.append(_orphan(session, project_file, meta_file, lock_file))
        return found


def _killed_while_locking(probe: QLockFile, lock_file: Path) -> bool:
    """A lock file without an owner (Qt writes it right after creating it), older than any
    creation in progress: its process was killed in between."""
    pid = probe.getLockInfo()[0]
    try:
        age = _dt.datetime.now().timestamp() - lock_file.stat().st_mtime
    except OSError:
        return False
    return not pid and age > STALE_EMPTY_LOCK_S


def _orphan(session: str, project_file: Path, meta_file: Path, lock_file: Path) -> Orphan:
    try:
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        time = _dt.datetime.fromisoformat(meta["time"])
        original = str(meta.get("original") or "")
        fingerprint = Fingerprint(*meta["fingerprint"]) if meta.get("fingerprint") else None
        return Orphan(session, project_file, meta_file, lock_file, original, time, fingerprint)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        try:
            time = _dt.datetime.fromtimestamp(project_file.stat().st_mtime)
        except OSError:
            time = _dt.datetime.now()
        problem = "its notes are missing" if isinstance(exc, FileNotFoundError) else "its notes could not be read"
        return Orphan(session, project_file, meta_file, lock_file, "", time, None, problem)

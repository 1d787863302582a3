"""Per-user settings (QSettings) and the per-user data folder (platformdirs)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

ORGANIZATION = "policy-editor"
APPLICATION = "Policy Editor"
MAX_RECENT = 8


def data_dir() -> Path:
    """Per-user data folder; tests monkeypatch this function."""
    import platformdirs

    return Path(platformdirs.user_data_dir("policy-editor", appauthor=False))


def autosave_dir() -> Path:
    return data_dir() / "autosave"


def settings() -> QSettings:
    # INI everywhere: readable, portable, and tests can point it at a temporary folder.
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def recent_files() -> list[str]:
    value = settings().value("recent_files", [])
    if isinstance(value, str):  # QSettings returns a bare string for a one-element list
        value = [value]
    return [str(v) for v in (value or []) if v]


def add_recent(path: str) -> list[str]:
    files = [path] + [f for f in recent_files() if f != path]
    files = files[:MAX_RECENT]
    settings().setValue("recent_files", files)
    return files


def clear_recent() -> None:
    settings().setValue("recent_files", [])


def value(key: str, default=None, kind=None):
    s = settings()
    if kind is bool:
        raw = s.value(key, default)
        return raw in (True, "true", "1", 1) if raw is not None else default
    if kind is not None:
        return s.value(key, default, type=kind)
    return s.value(key, default)


def set_value(key: str, val) -> None:
    settings().setValue(key, val)

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
    known = recent_files()
    files = ([path] + [f for f in known if f != path])[:MAX_RECENT]
    if files != known:  # reopening the latest file writes nothing: each write waits for the disk (fsync)
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


def save_window_state(window, splitter) -> None:
    s = settings()
    s.setValue("window/geometry", window.saveGeometry())
    s.setValue("window/state", window.saveState())
    s.setValue("window/splitter", splitter.saveState())


def restore_window_state(window, splitter) -> bool:
    """Geometry, docks and toolbars, and the panes' widths as the last session left them (a
    first start: as large as the screen allows, up to 1400×900); False when there was no saved
    dock and toolbar state (the caller's defaults stand)."""
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QGuiApplication

    s = settings()
    saved = {key: s.value(f"window/{key}") for key in ("geometry", "state", "splitter")}
    saved = {k: v for k, v in saved.items() if isinstance(v, QByteArray) and not v.isEmpty()}
    screen = QGuiApplication.primaryScreen()
    if "geometry" in saved:
        window.restoreGeometry(saved["geometry"])
    elif screen is not None:
        available = screen.availableGeometry()
        window.resize(min(1400, available.width() - 40), min(900, available.height() - 40))
    if "splitter" in saved:
        splitter.restoreState(saved["splitter"])
    return "state" in saved and window.restoreState(saved["state"])

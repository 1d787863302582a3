"""Render the main window offscreen to a PNG (docs, reviews and the CLI ``screenshot``)."""
from __future__ import annotations

import os

TABS = ("company", "service", "sections")  # the middle column's tabs, in their order


def render_screenshot(project_path: str | None, out_path: str, language: str = "de",
                      size: tuple[int, int] = (1400, 900), document_language: str | None = None,
                      select: str | None = None, tab: str | None = None) -> None:
    """``select``: highlight that service (nothing is ticked) so its pane shows; ``tab``: one of
    TABS (default: the service tab with ``select``, else the company tab)."""
    if "QT_QPA_PLATFORM" not in os.environ and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    import tempfile

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from .app import create_window, make_app
    from .translation import install_translators

    app = make_app(["policy-editor"])
    # the first-start layout, whatever the user's own window state: the picture is reproducible
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp(prefix="policy-editor-shot-"))
    install_translators(app, language)
    window = create_window(None, language)
    window.persist_state = False  # a screenshot must not change the user's layout or recent files
    if project_path:
        from pathlib import Path

        from ..core.project import load

        window.session.set_project(load(project_path), Path(project_path).resolve())  # raises ProjectError for the CLI
    if document_language:
        window.live.set_document_language(document_language)
    window.resize(*size)
    window.show()
    for _ in range(3):
        QApplication.processEvents()
    show_state(window, select, tab)
    window.live.run_checks()
    for _ in range(3):
        QApplication.processEvents()
    write_png(window.grab(), out_path)
    window.undo_stack.setClean()  # nothing to ask about: we only looked
    window.close()
    window.deleteLater()
    QApplication.processEvents()


def show_state(window, select: str | None = None, tab: str | None = None) -> None:
    """Highlight ``select`` in the checklist (its options and, when ticked, its section show) and
    bring the middle column's ``tab`` to the front."""
    if select:
        if window.checklist.item(select) is None:
            raise ValueError(f"unknown service {select!r}")
        window.checklist.select_service(select)
    if tab is not None:
        window.tabs.setCurrentIndex(TABS.index(tab))


def write_png(pixmap, out_path: str) -> None:
    """``pixmap`` as a PNG at ``out_path``, written atomically like every file Policy Editor
    writes (an old picture stays whole when the disk is full)."""
    from PySide6.QtCore import QBuffer, QIODevice

    from ..core.atomic import write_atomic

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not pixmap.save(buffer, "PNG"):
        raise OSError(f"could not write {out_path}")
    write_atomic(out_path, bytes(buffer.data()))

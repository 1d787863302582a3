"""Render the main window offscreen to a PNG (docs, reviews and the CLI ``screenshot``)."""
from __future__ import annotations

import os


def render_screenshot(project_path: str | None, out_path: str, language: str = "de",
                      size: tuple[int, int] = (1400, 900), document_language: str | None = None) -> None:
    if "QT_QPA_PLATFORM" not in os.environ and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    from .app import create_window, make_app
    from .translation import install_translators

    app = make_app(["policy-editor"])
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
    window.live.run_checks()
    QApplication.processEvents()
    if not window.grab().save(out_path):
        raise OSError(f"could not write {out_path}")
    window.undo_stack.setClean()  # nothing to ask about: we only looked
    window.close()
    window.deleteLater()
    QApplication.processEvents()

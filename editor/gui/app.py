"""GUI entry point: ``main(paths)`` starts the application (an optional path opens a project)."""
from __future__ import annotations

import gc
import sys
from pathlib import Path

# The Qt-free core before PySide6: once PySide6 is loaded it reads the source of every module
# imported after it (looking for `from __feature__ import ...`), which costs startup time.
from ..core import project as _project  # noqa: F401
from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from .. import APP_NAME, __version__
from . import settings as app_settings
from .mainwindow import MainWindow
from .translation import install_translators, ui_language


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(list(argv or [sys.argv[0]]))
    app.setOrganizationName(app_settings.ORGANIZATION)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("policy-editor")
    return app


def create_window(project_path: str | None = None, lang: str | None = None, defer_catalog: bool = False) -> MainWindow:
    """Build the main window (the application must exist); open ``project_path`` if given.

    With ``defer_catalog`` the clause packs load after the window is shown (``load_catalog``)."""
    lang = lang or ui_language()
    window = MainWindow(ui_language=lang, defer_catalog=defer_catalog, start_page=not project_path)
    if project_path and not window.session.open_path(str(Path(project_path))):
        window.show_start_page()  # the file could not be opened (the error was shown)
    return window


def launch(paths: list[str]):
    """Everything main() does before the event loop: the application and the window, shown with
    the first of ``paths`` open (or the start page). Returns the window."""
    app = make_app([sys.argv[0] if sys.argv and sys.argv[0] else "policy-editor"])
    lang = ui_language()
    install_translators(app, lang)
    files = [p for p in paths if not p.startswith("-")]
    window = create_window(files[0] if files else None, lang, defer_catalog=True)
    window.show()
    return window


def missing_display(environ, platform: str = sys.platform) -> str:
    """One plain sentence when a Linux/BSD desktop session is missing (Qt would abort with five
    lines about xcb and exit status 134); "" when Qt can start. An explicit QT_QPA_PLATFORM
    (offscreen, eglfs, …) is trusted."""
    if platform.startswith(("win", "darwin", "cygwin")) or environ.get("QT_QPA_PLATFORM"):
        return ""
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return ""
    return ("policy-editor: No screen to show the window on (neither DISPLAY nor WAYLAND_DISPLAY is set): "
            "start it from your desktop, or use the command line, e.g. 'policy-editor --help'.")


def resume_collector() -> None:
    """Back to normal garbage collection after start-up; what exists now stays for the session
    (the catalog, the window), so the collector's passes leave it out from now on."""
    gc.freeze()
    gc.enable()


def main(paths: list[str] | None = None) -> int:
    """``policy-editor [FILE]``: ``paths`` are the arguments after the program name."""
    import os

    problem = missing_display(os.environ)
    if problem:  # before the QApplication: Qt aborts the process
        print(problem, file=sys.stderr)
        return 1
    paths = list(sys.argv[1:] if paths is None else paths)
    # Start-up builds the window, the catalog and the first preview: objects that live as long as
    # the app. The cyclic collector's full passes meanwhile walk all of them for nothing (a fifth
    # of the start). It runs again once the preview is shown, without those objects (freeze).
    gc.disable()
    window = launch(paths)

    def load_catalog() -> None:
        try:
            window.load_catalog(preview_later=True)
        finally:  # the preview is composed in the next turn; the collector resumes after it
            QTimer.singleShot(0, resume_collector)

    # Panes, packs and the first compose take a few hundred ms: once the window is on screen
    # (a zero timer runs after the window system's pending events, the first paint among them).
    QTimer.singleShot(0, load_catalog)
    if not window.session.has_project:
        QTimer.singleShot(0, window.session.offer_recovery)
    try:
        return QApplication.instance().exec()
    finally:
        gc.enable()  # (the loop ended before the collector resumed)


if __name__ == "__main__":
    raise SystemExit(main())

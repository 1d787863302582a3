"""GUI tests run offscreen and never touch the real user folders or settings."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch, qapp):
    """Per-test QSettings file and data folder (autosave) under tmp_path."""
    from PySide6.QtCore import QSettings

    from editor.gui import settings

    config = tmp_path / "config"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(config))
    data = tmp_path / "data"
    monkeypatch.setattr(settings, "data_dir", lambda: data)
    return data


@pytest.fixture(autouse=True)
def same_interface_language(qapp):
    """A test that installs translators (a German check, a screenshot) leaves the next test the
    language it found: source strings where none was installed."""
    from editor.gui import translation

    before = translation.language()
    yield
    if translation.language() != before:
        if before:
            translation.install_translators(qapp, before)
        else:
            translation.InterfaceLanguage.of(qapp).restore([], "")


@pytest.fixture
def window(qtbot, catalog):
    from editor.gui.mainwindow import MainWindow

    win = MainWindow(catalog=catalog, ui_language="en")
    win.persist_state = False
    qtbot.addWidget(win)
    # never block a test on a modal box: tests that want one override these
    win.prompts.ask_unsaved = lambda _name: "discard"
    win.errors, win.error_details = [], []  # (title, text); the texts behind "Details"
    win.prompts.show_error = lambda title, text, details="": (win.errors.append((title, text)),
                                                              win.error_details.append(details))
    yield win
    win.undo_stack.setClean()


@pytest.fixture
def project_window(window):
    from editor.core.project import example_project

    window.session.set_project(example_project(), None)
    return window


def service_ids_with_options(catalog, kind=None):
    return [s.id for s in catalog.services.values() if any(kind is None or o.type == kind for o in s.options) and s.options]


@pytest.fixture
def example_file(tmp_path):
    from editor.core.project import SelectedService, example_project, save

    project = example_project()
    project.services = [SelectedService(id="google-analytics")]
    path = Path(tmp_path) / "shop.policy.json"
    save(project, path)
    return path


@pytest.fixture
def ui_language():
    """``ui_language("de")`` switches the interface language like the Language menu; afterwards
    the translators installed before are back (none, for most tests: the source texts)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from editor.gui import translation

    state = translation.InterfaceLanguage.of(QCoreApplication.instance())
    before, language = list(state.translators), state.language
    yield translation.switch_language
    state.restore(before, language)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)

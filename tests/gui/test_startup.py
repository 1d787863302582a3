"""Starting the app: `policy-editor FILE`, the window's first paint and what follows it."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from editor.gui.targets import ControllerField


@pytest.fixture
def no_event_loop(monkeypatch):
    """main() ends in app.exec(); the tests look at the window instead of entering the loop."""
    from PySide6.QtWidgets import QApplication

    from editor.gui.mainwindow import MainWindow

    seen = []

    def fake_exec(*_args):
        seen.extend(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    yield seen
    for window in seen:
        window.persist_state = False
        window.undo_stack.setClean()
        window.close()
        window.deleteLater()


def test_policy_editor_file_opens_the_file(example_file, no_event_loop):
    """The console script passes the arguments after the program name: `policy-editor FILE`
    must open FILE (it once became the program name and the start page showed instead)."""
    from editor.cli import main

    assert main([str(example_file)]) == 0
    (window,) = no_event_loop
    assert window.session.has_project and window.session.path == example_file.resolve()
    assert window.windowTitle().startswith("shop.policy.json")
    assert window.company_form.fields[ControllerField("name")].text() == "Tischlerei Beispiel GmbH"


def test_policy_editor_without_arguments_shows_the_start_page(no_event_loop):
    from editor.cli import main

    assert main([]) == 0
    (window,) = no_event_loop
    assert not window.session.has_project and window.stack.currentWidget() is window.welcome


def test_deferred_window_fills_its_panes_when_the_catalog_arrives(example_file, qtbot, catalog):
    """Every pane is built with the window, in one pass; only the clause packs (and so the
    checklist's content and the preview) follow the first paint."""
    from editor.gui.app import create_window

    window = create_window(str(example_file), "en", defer_catalog=True)
    window.persist_state = False
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    # first paint: the project's details, menus and toolbar; the checklist says it is loading
    assert window.session.has_project and window.catalog is None
    assert window.company_form.fields[ControllerField("city")].text() == "Köln"
    assert window.act.save.isEnabled() and not window.act.new.icon().isNull()
    assert "Loading" in window.checklist.total.text()
    assert window.splitter.widget(0) is window.checklist and window.splitter.widget(2) is window.preview
    sizes = window.splitter.sizes()

    window.load_catalog(catalog)
    assert window.splitter.widget(0) is window.checklist
    assert window.splitter.widget(2) is window.preview and window.splitter.sizes() == sizes
    assert window.checklist.selected_ids() == {"google-analytics"}
    assert "Google Analytics" in window.preview.toPlainText()
    assert window.findings_dock.isVisible()
    assert window.findings_dock.toggleViewAction() in window.act.view_menu.actions()
    qtbot.waitUntil(lambda: window.findings.count() > 0)


def test_edits_before_the_catalog_loads_reach_the_preview(example_file, qtbot, catalog):
    """Typing into the company form in the moment before the packs load is kept and shown."""
    from editor.gui.app import create_window

    window = create_window(str(example_file), "en", defer_catalog=True)
    window.persist_state = False
    qtbot.addWidget(window)
    edit = window.company_form.fields[ControllerField("name")]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "Neue Firma GmbH")
    window.live.set_document_language("de")
    window.load_catalog(catalog)
    assert window.model.project.controller.name == "Neue Firma GmbH"
    assert "Neue Firma GmbH" in window.preview.toPlainText()
    window.undo_stack.undo()
    assert window.model.project.controller.name == "Tischlerei Beispiel GmbH"
    window.undo_stack.setClean()


def test_find_service_before_the_catalog_loads_it(example_file, qtbot):
    from editor.gui.app import create_window

    window = create_window(str(example_file), "en", defer_catalog=True)
    window.persist_state = False
    qtbot.addWidget(window)
    window.show()
    window.act.find.trigger()
    assert window.catalog is not None
    qtbot.waitUntil(lambda: window.checklist.search.hasFocus())


def test_first_paint_leaves_the_clause_packs_for_later(tmp_path, example_file):
    """Startup, checked without a clock. The window is built in one pass, every pane included, so
    the panes' modules and Qt's enum namespace are loaded before the first paint (an earlier
    guard forbade that, when panes were built after it); what still waits until the window is on
    screen is the expensive part: reading the clause packs, Jinja, compose and the checks — and the
    start page's examples are not read when a file is being opened. The benchmark
    (tests/benchmarks) times the whole start."""
    code = """
import sys
from pathlib import Path
import editor.cli
from editor.gui import app as gui_app, settings
from PySide6.QtCore import QSettings
settings.data_dir = lambda: Path(sys.argv[2])
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
window = gui_app.launch([sys.argv[1]])
gui_app.QApplication.instance().processEvents()
import json
loaded = {
    "has_project": window.session.has_project,
    "panes": [window.splitter.widget(i) is pane for i, pane in enumerate((window.checklist, window.tabs, window.preview))],
    "catalog": window.catalog is not None,
    "examples_read": window.welcome.examples.count(),
    "modules": sorted(m for m in sys.modules if m.startswith(("editor.", "jinja2"))),
}
print(json.dumps(loaded))
"""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    root = Path(__import__("editor").__file__).resolve().parents[1]
    env["PYTHONPATH"] = str(root)
    out = subprocess.run([sys.executable, "-c", code, str(example_file), str(tmp_path)], env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    loaded = json.loads(out.stdout.strip().splitlines()[-1])
    assert loaded["has_project"]
    assert loaded["panes"] == [True, True, True]  # built once, in one pass: no placeholders
    assert not loaded["catalog"] and loaded["examples_read"] == 0
    # the preview's Qt builder (editor.export.qtdoc) and the light writer registry are part of
    # the window; the writers themselves, the packs and Jinja are not
    heavy = {"editor.core.packs", "editor.core.catalog_cache", "editor.core.compose", "editor.core.checks",
             "editor.core.templating", "editor.export.docx", "editor.export.html", "editor.export.pdf",
             "docx", "jinja2"}
    assert not heavy & set(loaded["modules"])
    # nor is the recogniser of a pasted address block: its regular expressions cost ~3 ms to compile
    assert "editor.core.address_lines" not in loaded["modules"]


def test_a_cached_preview_is_shown_then_verified(example_file, qtbot, catalog):
    """The first preview comes from the per-user document cache; once it is laid out the policy
    is composed again and the fresh document replaces a stale one, in the view and the cache.
    The checks wait for that moment too."""
    from editor.core import document_cache
    from editor.core.compose import compose
    from editor.core.document import replace
    from editor.gui.app import create_window

    window = create_window(str(example_file), "en", defer_catalog=True)
    window.persist_state = False
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    project, lang = window.model.project, window.live.doc_language
    key = document_cache.key(catalog.content_key, project, lang)
    fresh = compose(catalog, project, lang)
    document_cache.store(key, replace(fresh, company="Veraltete Firma GmbH"))

    window.load_catalog(catalog)
    assert window.live.from_cache and "Veraltete Firma GmbH" in window.preview.toPlainText()
    assert not window.live.checks_timer.isActive()  # checks wait until the preview is laid out
    qtbot.waitUntil(lambda: not window.live.from_cache, timeout=10000)
    assert window.live.document == fresh and "Veraltete Firma GmbH" not in window.preview.toPlainText()
    assert document_cache.load(key) == fresh
    qtbot.waitUntil(lambda: window.findings.count() > 0)


def test_start_up_pauses_the_collector_until_the_preview_is_shown(example_file, monkeypatch, qtbot):
    """`policy-editor FILE` keeps the cyclic collector off while it builds the window, loads the
    catalog and shows the first preview, and turns it on again right after (with what exists
    then frozen: it lives as long as the app)."""
    import gc

    from PySide6.QtWidgets import QApplication

    from editor.cli import main
    from editor.gui.mainwindow import MainWindow

    seen = {}

    def fake_exec(*_args):
        (window,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        window.persist_state = False
        seen["paused"] = not gc.isenabled() and not window.preview.unit_ids()
        qtbot.waitUntil(gc.isenabled, timeout=10000)
        seen["preview"] = bool(window.preview.unit_ids())
        seen["frozen"] = gc.get_freeze_count() > 0
        window.undo_stack.setClean()
        window.close()
        window.deleteLater()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    try:
        assert main([str(example_file)]) == 0
    finally:
        gc.unfreeze()  # the rest of the test session collects as before
        gc.enable()
    assert seen == {"paused": True, "preview": True, "frozen": True}
    assert gc.isenabled()


def test_the_start_page_is_built_when_first_shown_and_works_after_an_edit(example_file, qtbot, catalog, isolated):
    """`policy-editor FILE` never shows the start page, so it is not built at start; closing the
    project after an edit (and a switch of the interface language) builds it, in the language of
    the moment, with the recent file listed, and its buttons work."""
    from PySide6.QtCore import Qt

    from editor.gui.app import create_window
    from editor.gui.translation import switch_language

    window = create_window(str(example_file), "en", defer_catalog=True)
    window.persist_state = False
    qtbot.addWidget(window)
    window.show()
    window.load_catalog(catalog)
    assert window._welcome is None and window.stack.currentWidget() is window.splitter
    window.push(ControllerField("name"), "Neue Firma GmbH", "Company name")
    window.prompts.ask_unsaved = lambda _name: "discard"
    try:
        switch_language("de")
        window.session.close_project()
        page = window.welcome
        assert window.stack.currentWidget() is page and not window.session.has_project
        assert page.new_button.text() == "&Neues Projekt"
        assert str(example_file.resolve()) in [page.recent.item(i).data(Qt.ItemDataRole.UserRole)
                                               for i in range(page.recent.count())]
        switch_language("en")
        assert page.new_button.text() == "&New project"
        page.new_button.click()
        assert window.session.has_project and window.stack.currentWidget() is window.splitter
        assert window.model.project.controller.name != "Neue Firma GmbH"
        window.session.close_project()
        assert window.stack.currentWidget() is page  # the same page, built once
    finally:
        switch_language("en")
        window.undo_stack.setClean()

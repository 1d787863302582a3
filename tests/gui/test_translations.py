"""The Qt translations are complete and the committed .qm files match their .ts sources."""
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from editor.gui.targets import ControllerField

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "resources" / "translations"


def tool(name):
    """Qt's Linguist tools come with PySide6, a dependency: missing means a broken install, not a skip."""
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    assert Path(found).exists(), f"{name} not found: PySide6 is installed incompletely"
    return found


def messages(ts: Path):
    root = ET.parse(ts).getroot()
    for context in root.iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message


@pytest.mark.parametrize("lang", ["de", "en"])
def test_qm_is_compiled_from_ts(tmp_path, lang):
    ts = FOLDER / f"policy_editor_{lang}.ts"
    out = tmp_path / "out.qm"
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(out)], check=True)
    assert out.read_bytes() == (FOLDER / f"policy_editor_{lang}.qm").read_bytes(), \
        "run resources/translations/update.py"


def test_every_string_has_a_german_translation():
    untranslated = [m.findtext("source") for _, m in messages(FOLDER / "policy_editor_de.ts")
                    if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
                    or not ("".join(m.find("translation").itertext())).strip()]
    assert untranslated == []


def test_every_context_is_named():
    """self.tr() must be called as such: a bare tr() alias gives no context and never translates."""
    assert all(name for name, _ in messages(FOLDER / "policy_editor_de.ts"))


def test_ts_covers_the_current_sources(tmp_path):
    ts = tmp_path / "check.ts"
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "editor" / "gui").glob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), "-silent", "-locations", "none", *sources, "-ts", str(ts)],
                   cwd=ROOT, check=True)
    current = {(c, m.findtext("source")) for c, m in messages(ts)}
    committed = {(c, m.findtext("source")) for c, m in messages(FOLDER / "policy_editor_de.ts")}
    assert current - committed == set(), "new UI strings: run resources/translations/update.py"


def test_german_ui_is_applied(qtbot, catalog):
    from PySide6.QtWidgets import QApplication

    from editor.gui.mainwindow import MainWindow
    from editor.gui.translation import install_translators

    app = QApplication.instance()
    install_translators(app, "de")
    try:
        window = MainWindow(catalog=catalog, ui_language="de")
        qtbot.addWidget(window)
        assert window.act.save.text() == "&Speichern"
        assert window.tabs.tabText(0) == "&Unternehmen"
        assert window.checklist.total.text() == "0 Dienste ausgewählt"
    finally:
        install_translators(app, "en")


def test_switching_the_interface_language_keeps_project_undo_and_file(project_window, qtbot, isolated):
    """The same window retranslates itself (QEvent.LanguageChange → retranslateUi): project,
    file, undo history and autosave stay where they are."""
    from editor.gui.translation import switch_language

    w = project_window
    model, autosave = w.model, w.session.autosave
    w.push(ControllerField("name"), "Neue Firma GmbH", "Company name")
    w.push(ControllerField("city"), "Bonn", "City")
    steps = w.undo_stack.count()
    german = w
    try:
        assert switch_language("de") == "de"
        assert german.ui_language == "de"
        assert german.menuBar().actions()[0].text() == "&Datei"
        assert german.model is model and german.model.project.controller.name == "Neue Firma GmbH"
        assert german.session.autosave is autosave
        assert german.undo_stack.count() == steps and german.isWindowModified()
        assert "Neue Firma GmbH" in german.preview.toPlainText()
        assert german.company_form.labels[ControllerField("city")].text() == "&Ort:"
        assert german.act.undo.text().startswith("&Rückgängig")
        german.undo_stack.undo()
        assert german.model.project.controller.city != "Bonn"
        assert german.session.has_project and german.windowTitle().startswith("Unbenannt")
    finally:
        switch_language("en")
        german.undo_stack.setClean()
    assert w.act.save.text() == "&Save" and w.windowTitle().startswith("Untitled")


def test_switching_language_on_the_start_page_shows_the_start_page(window, qtbot, isolated):
    from editor.gui.translation import switch_language

    try:
        switch_language("de")
        german = window
        assert german.stack.currentWidget() is german.welcome and not german.session.has_project
        assert german.welcome.new_button.text() == "&Neues Projekt"
    finally:
        switch_language("en")

"""Help and honesty: the guide, the not-legal-advice note, a translated About with licence and
contact, the start without a display, and an installation the README describes truly."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence

import editor
from editor.gui.about import about_html
from editor.gui.help import guide_html

ROOT = Path(__file__).resolve().parents[2]


def test_help_menu_opens_the_guide(window):
    actions = window.act.help_menu.actions()
    assert actions[0] is window.act.guide and window.act.about in actions
    assert window.act.guide.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    window.act.guide.trigger()
    text = window.guide_dialog.browser.toPlainText()
    assert "Tick the services you use" in text and "not legal advice" in text
    window.guide_dialog.close()


@pytest.mark.parametrize("lang, words", [("en", ["not legal advice", "Export", "findings", "policy languages", "To do"]),
                                         ("de", ["keine Rechtsberatung", "Exportieren", "Hinweise",
                                                 "Sprachen der Datenschutzerklärung", "Zu erledigen"])])
def test_guide_in_both_languages_covers_the_first_hour(lang, words):
    html = guide_html(lang)
    for word in words:
        assert word in html
    assert "http" not in html  # offline: nothing to fetch or follow


def test_guide_languages_say_the_same_steps():
    counts = {lang: (guide_html(lang).count("<h3>"), guide_html(lang).count("<p>")) for lang in ("de", "en")}
    assert counts["de"] == counts["en"] and counts["en"][0] == 6


def test_welcome_page_says_it_is_not_legal_advice(window):
    window.show()
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.advice.isVisible()
    assert "not legal advice" in window.welcome.advice.text()


def test_about_names_licence_and_contact(catalog):
    html = about_html(catalog, "en")
    assert editor.CONTACT in html and "mailto:" in html
    assert "Licence: proprietary" in html
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^license = \{ text = "(.+)" \}', pyproject, re.M).group(1) == editor.LICENSE


def test_about_is_german_in_the_german_interface(qtbot, catalog):
    from PySide6.QtWidgets import QApplication

    from editor.gui.translation import install_translators

    install_translators(QApplication.instance(), "de")
    try:
        html = about_html(catalog, "de")
    finally:
        install_translators(QApplication.instance(), "en")
    for german in ("Lizenz: proprietär", "Kontakt:", "Erstellt mit Qt", "Textbaustein-Pakete:", "Rechtsberatung",
                   "Grundbausteine der Datenschutzerklärung"):
        assert german in html
    for english in ("Licence", "Contact", "Built with", "Clause packs", "legal advice", "user pack"):
        assert english not in html


def test_example_button_opens_the_visibly_selected_example(window):
    from editor.gui.welcome import example_files

    files = example_files()
    assert len(files) > 1
    page = window.welcome
    page.set_lists([])
    assert page.examples.currentRow() == 0 and page.examples.currentItem().isSelected()
    opened = []
    page.example_requested.connect(opened.append)
    page.examples.setCurrentRow(2)
    page.example_button.click()
    assert opened == [str(files[2])]
    page.examples.setCurrentRow(-1)
    assert not page.example_button.isEnabled()  # nothing selected: nothing to open


@pytest.mark.parametrize("env, expected", [
    ({}, True),
    ({"DISPLAY": ":0"}, False),
    ({"WAYLAND_DISPLAY": "wayland-0"}, False),
    ({"QT_QPA_PLATFORM": "offscreen"}, False),
])
def test_missing_display_is_detected(env, expected):
    from editor.gui.app import missing_display

    assert bool(missing_display(env, "linux")) is expected
    assert missing_display(env, "win32") == "" and missing_display(env, "darwin") == ""


def test_start_without_display_says_one_sentence():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run([sys.executable, "-m", "editor"], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("policy-editor: ")
    assert "xcb" not in result.stderr and "Traceback" not in result.stderr


def test_bootstrap_ends_with_what_to_run_next():
    script = (ROOT / "scripts" / "bootstrap.sh").read_text(encoding="utf-8")
    tail = script[script.rindex("pip install"):]
    assert "Next:" in tail and ".venv/bin/policy-editor" in tail


def test_readme_installation_names_files_that_exist():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Installation"):readme.index("### Building the installers")]
    for path in ("scripts/bootstrap.sh", "installer/build.py"):
        assert path in section and (ROOT / path).exists()
    assert "release" in section and (ROOT / ".github" / "workflows" / "release.yml").exists()
    assert "./dist/policy-editor_" in section  # the .deb is where build.py writes it

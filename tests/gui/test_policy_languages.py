"""The policy's languages as the user sets them on the Company tab: German only, or German and
English. The preview's switch, the findings and the export dialog follow; the choice is an undo
step and is saved with the project."""
from PySide6.QtCore import Qt

from editor.core import project as project_io
from editor.core.project import CustomSection, LocalText, Project
from editor.gui.export_dialog import ExportDialog
from editor.gui.targets import LANGUAGES


def _click(qtbot, radio):
    """A click where the user clicks: the window shown, the Company tab scrolled to the choice."""
    window = radio.window()
    if not window.isVisible():
        window.show()
        qtbot.waitExposed(window)
    window.tabs.setCurrentWidget(window.company_scroll)
    window.company_scroll.ensureWidgetVisible(radio)
    assert radio.isVisible()
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton)


def _english_offered(window) -> bool:
    combo = window.language_combo
    return combo.model().item(combo.findData("en")).isEnabled()


def _codes(window) -> set[str]:
    return {f.code for f in window.findings.findings}


def _with_german_only_section(window) -> None:
    """A project in both languages whose own section has German text only."""
    project = Project(languages=["de", "en"])
    project.custom_sections = [CustomSection(id="s1", title=LocalText(de="Kundenkonto"),
                                             body=LocalText(de="Ihr Kundenkonto speichert Ihre Bestellungen."))]
    window.session.set_project(project, None)


def test_a_new_project_is_german_only_and_says_how_to_add_english(window, qtbot):
    window.session.new_project()
    form = window.company_form
    assert window.model.project.languages == ["de"]
    assert form.german_only.isChecked() and not form.german_english.isChecked()
    assert form.labels[LANGUAGES].text() == "Policy l&anguages:"
    assert "English-speaking visitors" in form.languages_help.text()
    assert not _english_offered(window) and window.live.doc_language == "de"
    combo = window.language_combo
    assert "Company tab" in combo.model().item(combo.findData("en")).toolTip()


def test_why_english_is_greyed_is_said_where_the_user_looks_in_both_languages(window, qtbot, ui_language):
    """walk9: the reason was only a tooltip; a user who does not hover never learnt it. The greyed
    item itself says it, and the box's accessible description tells a screen reader on focus."""
    window.session.new_project()
    combo = window.language_combo
    english = combo.findData("en")
    assert combo.itemText(english) == "English — add it on the Company tab"
    assert combo.itemText(combo.findData("de")) == "Deutsch"
    assert "Company tab" in combo.accessibleDescription() and "German only" in combo.accessibleDescription()
    ui_language("de")
    assert combo.itemText(english) == "English – auf der Registerkarte „Unternehmen“ hinzufügen"
    assert "nur auf Deutsch" in combo.accessibleDescription()
    assert combo.accessibleName() == "Sprache des Dokuments"
    _click(qtbot, window.company_form.german_english)
    assert combo.itemText(english) == "English" and combo.accessibleDescription() == ""
    assert _english_offered(window)
    ui_language("en")
    assert combo.itemText(english) == "English" and combo.accessibleName() == "Document language"
    window.undo_stack.undo()  # German only again
    assert combo.itemText(english) == "English — add it on the Company tab"


def test_the_control_switches_english_on_and_off_undoably(window, qtbot):
    window.session.new_project()
    form = window.company_form
    _click(qtbot, form.german_english)
    assert window.model.project.languages == ["de", "en"]
    assert window.undo_stack.undoText() == "Policy languages"
    assert _english_offered(window)
    # the preview in English, then English switched off: the preview turns to German
    window.language_combo.setCurrentIndex(window.language_combo.findData("en"))
    qtbot.waitUntil(lambda: "Privacy Policy" in window.preview.toPlainText(), timeout=5000)
    _click(qtbot, form.german_only)
    assert window.model.project.languages == ["de"]
    assert window.live.doc_language == "de" and window.language_combo.currentData() == "de"
    qtbot.waitUntil(lambda: "Datenschutzerklärung" in window.preview.toPlainText(), timeout=5000)
    assert not _english_offered(window)
    # clicking the checked choice again records nothing
    steps = window.undo_stack.count()
    _click(qtbot, form.german_only)
    assert window.undo_stack.count() == steps
    window.undo_stack.undo()
    assert window.model.project.languages == ["de", "en"] and form.german_english.isChecked()
    assert _english_offered(window)
    window.undo_stack.undo()
    assert window.model.project.languages == ["de"] and form.german_only.isChecked()
    window.undo_stack.redo()
    assert form.german_english.isChecked()


def test_a_german_only_project_has_no_missing_english_findings(window, qtbot):
    _with_german_only_section(window)
    window.live.run_checks()
    messages = [f.message for f in window.findings.findings if f.code == "custom-empty"]
    assert messages == ["The custom section “Kundenkonto” has no text in English."]
    _click(qtbot, window.company_form.german_only)
    window.live.run_checks()
    assert "custom-empty" not in _codes(window)
    window.undo_stack.undo()
    window.live.run_checks()
    assert "custom-empty" in _codes(window)


def test_an_outdated_english_override_of_a_german_only_project_is_not_flagged(catalog):
    from editor.core.checks import checks

    project = Project(languages=["de"])
    project.overrides = {"controller": LocalText(de="Eigener Text.", en="Own text.")}
    project.override_basis = {"controller": {"de": "stale", "en": "stale"}}
    outdated = [f.message for f in checks(catalog, project) if f.code == "override-outdated"]
    assert len(outdated) == 1 and "(Deutsch)" in outdated[0]


def test_the_export_dialog_offers_the_projects_languages(window, qtbot, tmp_path):
    from editor.gui import settings as app_settings

    window.session.set_project(Project(languages=["de", "en"]), None)
    first = ExportDialog(window.catalog, window.model.project, None, window)
    qtbot.addWidget(first)
    assert first.chosen_languages() == ["de", "en"]  # nothing chosen before: the project's languages
    app_settings.set_value("export/languages", ["de", "en"])
    window.session.new_project()
    german = ExportDialog(window.catalog, window.model.project, None, window)
    qtbot.addWidget(german)
    german.show()
    assert list(german.lang_boxes) == ["de"] and not german.languages.isVisible()
    assert german.chosen_languages() == ["de"]
    german.folder.setText(str(tmp_path))
    german.base.setText("policy")
    assert [j.path.name for j in german.planned_jobs()] == ["policy-de.docx", "policy-de.html"]
    german._save_choices()
    assert app_settings.value("export/languages") == ["de", "en"]  # the two-language choice stays

    _click(qtbot, window.company_form.german_english)
    both = ExportDialog(window.catalog, window.model.project, None, window)
    qtbot.addWidget(both)
    both.show()
    assert list(both.lang_boxes) == ["de", "en"] and both.languages.isVisible()
    assert both.chosen_languages() == ["de", "en"]


def test_the_languages_survive_save_and_open(window, qtbot, tmp_path):
    window.session.new_project()
    _click(qtbot, window.company_form.german_english)
    path = tmp_path / "shop.policy.json"
    window.prompts.ask_save_path = lambda *_: str(path)
    assert window.session.save()
    assert project_io.load(path).languages == ["de", "en"]
    _click(qtbot, window.company_form.german_only)
    assert window.session.save()
    window.session.new_project()
    _click(qtbot, window.company_form.german_english)
    window.undo_stack.setClean()
    assert window.session.open_path(str(path))
    assert window.model.project.languages == ["de"] and window.company_form.german_only.isChecked()
    assert not _english_offered(window)


def test_the_own_service_form_asks_only_for_the_projects_languages(window, catalog):
    from editor.gui.own_service_form import OwnServiceDialog

    window.session.new_project()
    dialog = OwnServiceDialog(catalog, window.model.project, None, "", "en", window)
    assert dialog.langs == ["de"]
    dialog.deleteLater()


def test_own_sections_say_where_the_other_language_is_written(window, qtbot):
    _with_german_only_section(window)  # German and English
    form = window.custom_form
    assert form.title_label.text() == "&Title (German):"
    assert form.language_hint.isVisibleTo(form)
    assert form.language_hint.text() == "For the English text, choose English under “Document language” in the toolbar."
    window.language_combo.setCurrentIndex(window.language_combo.findData("en"))
    assert form.title_label.text() == "&Title (English):" and "For the German text" in form.language_hint.text()
    _click(qtbot, window.company_form.german_only)
    assert form.title_label.text() == "&Title (German):" and not form.language_hint.isVisibleTo(form)


def test_the_greyed_language_follows_a_new_palette(window):
    """review9: the greyed item's colour was read from the palette once; a switch to a dark theme
    left it in the old theme's grey, unreadable on the new background."""
    from PySide6.QtGui import QColor, QPalette

    window.session.new_project()
    combo = window.language_combo
    palette = QPalette(combo.palette())
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#c0c0ff"))
    combo.setPalette(palette)
    english = combo.findData("en")
    assert combo.itemData(english, Qt.ItemDataRole.ForegroundRole).color() == QColor("#c0c0ff")

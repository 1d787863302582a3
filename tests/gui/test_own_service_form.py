"""The own-service form: create, edit, delete, undo, missing language, save and reopen, export,
and the search's dead end that leads to it."""
import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from editor.core import project as project_io


def fill(dialog, name="Acme CRM", country="US", safeguard="scc", en=True):
    for lang, widget in dialog.names.items():
        widget.setText(name)
    dialog.entity.setText("Acme Inc.")
    dialog.address.setText("1 Main St, Boston")
    dialog.country.setEditText(country)
    dialog.privacy_url.setText("https://acme.example/privacy")
    dialog.category.setCurrentIndex(dialog.category.findData("crm"))
    dialog.role.setCurrentIndex(dialog.role.findData("processor"))
    if safeguard:
        dialog.safeguard.setCurrentIndex(dialog.safeguard.findData(safeguard))
    langs = dialog.langs
    dialog.purposes.item(0, langs.index("de")).setText("Kundenverwaltung")
    if "en" in langs:
        dialog.purposes.item(0, langs.index("en")).setText("Customer management" if en else "")
    dialog.data["de"].setPlainText("Name\nE-Mail [*privat*]")
    dialog.retention["de"].setText("Bis Vertragsende")
    if "en" in langs:
        dialog.data["en"].setPlainText("name\nemail" if en else "")
        dialog.retention["en"].setText("Until the contract ends" if en else "")


def confirm(window):
    dialog = window.own_service_dialog
    dialog.buttons.accepted.emit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert window.own_service_dialog is None


def create(window, **kwargs):
    window.checklist.describe.click()
    dialog = window.own_service_dialog
    fill(dialog, **kwargs)
    confirm(window)


def test_create_is_one_undo_step_and_shows_everywhere(project_window):
    w = project_window
    steps = w.undo_stack.count()
    create(w)
    project = w.model.project
    assert [r["id"] for r in project.own_services] == ["own-acme-crm"]
    assert "own-acme-crm" in project.service_ids()
    assert w.undo_stack.count() == steps + 1 and w.undo_stack.undoText() == "Describe Acme CRM"
    item = w.checklist.item("own-acme-crm")
    assert item is not None and item.checkState(0) == Qt.CheckState.Checked and "described by you" in item.text(0)
    assert "service-own-acme-crm" in w.preview.unit_ids()
    assert "Acme Inc." in w.preview.toPlainText()
    # the preview shows what the form wrote, as a tick in the list does
    assert w.preview.textCursor().block().text().endswith("Acme CRM")  # its heading: "n.m Acme CRM"
    assert w.catalog.base is w.catalog and "own-acme-crm" not in w.catalog.services  # the shared catalog
    w.undo_stack.undo()
    assert project.own_services == [] and "own-acme-crm" not in w.model.project.service_ids()
    assert w.checklist.item("own-acme-crm") is None and "service-own-acme-crm" not in w.preview.unit_ids()
    w.undo_stack.redo()
    assert w.checklist.item("own-acme-crm").checkState(0) == Qt.CheckState.Checked


def test_edit_and_delete_each_one_undo_step(project_window):
    w = project_window
    create(w)
    w.checklist.select_service("own-acme-crm")
    assert w.checklist.edit.isEnabled()
    w.checklist.edit.click()
    dialog = w.own_service_dialog
    assert dialog.entity.text() == "Acme Inc." and dialog.country_code() == "US"
    dialog.entity.setText("Acme Europe GmbH")
    dialog.country.setEditText("DE")
    confirm(w)
    record = w.model.project.own_services[0]
    assert record["provider"]["entity"] == "Acme Europe GmbH" and "transfer" not in record and record["version"] == "2"
    assert w.undo_stack.undoText() == "Edit Acme CRM"
    assert "Acme Europe GmbH" in w.preview.toPlainText()
    w.undo_stack.undo()
    assert w.model.project.own_services[0]["provider"]["entity"] == "Acme Inc."
    w.edit_own_service("own-acme-crm")
    w.own_service_dialog.deleted = True
    w.own_service_dialog.accept()
    assert w.model.project.own_services == [] and "own-acme-crm" not in w.model.project.service_ids()
    w.undo_stack.undo()
    assert w.model.project.own_services and "own-acme-crm" in w.model.project.service_ids()


def test_missing_language_is_shown_in_the_form_and_as_a_finding(project_window):
    w = project_window
    w.checklist.describe.click()
    dialog = w.own_service_dialog
    fill(dialog, en=False)
    assert "Missing in English" in dialog.problems.text()
    fill(dialog, en=True)
    assert "Missing in English" not in dialog.problems.text()
    fill(dialog, en=False)
    confirm(w)
    w.live.run_checks()
    found = [f for f in w.findings.findings if f.code == "own-language"]
    assert found and found[0].target == "service:own-acme-crm"
    assert any("lacks text in English" in w.findings.item(n).text() for n in range(w.findings.count()))


def test_us_without_safeguard_is_shown(project_window):
    w = project_window
    w.checklist.describe.click()
    dialog = w.own_service_dialog
    fill(dialog, safeguard="")
    assert dialog.safeguard.isEnabled() and "outside the EU/EEA" in dialog.problems.text()
    dialog.country.setEditText("DE")
    assert not dialog.safeguard.isEnabled()
    dialog.reject()


def test_save_reopen_and_export(project_window, tmp_path):
    w = project_window
    create(w)
    target = tmp_path / "mine.policy.json"
    w.prompts.ask_save_path = lambda *_: str(tmp_path / "mine")
    assert w.session.save()
    stored = json.loads(target.read_text("utf-8"))
    assert stored["own_services"][0]["provider"]["entity"] == "Acme Inc."
    w.session.close_project()
    assert w.session.open_path(str(target))
    assert w.checklist.item("own-acme-crm").checkState(0) == Qt.CheckState.Checked
    assert "service-own-acme-crm" in w.preview.unit_ids()
    from editor.core.compose import compose
    from editor.export import export

    out = tmp_path / "p.html"
    export(compose(w.catalog, w.model.project, "de"), out, "html")
    assert "Acme Inc." in out.read_text("utf-8")


def test_search_without_hit_offers_the_form_prefilled(project_window, qtbot):
    w = project_window
    w.checklist.search.setText("Zzyzx Qwrtplk")
    assert w.checklist.visible_ids() == []
    button = w.checklist.dead_end
    assert button.isVisibleTo(w.checklist) and "Zzyzx Qwrtplk" in button.text()
    button.click()
    dialog = w.own_service_dialog
    assert all(widget.text() == "Zzyzx Qwrtplk" for widget in dialog.names.values())
    dialog.reject()
    w.checklist.search.setText("")
    assert not w.checklist.dead_end.isVisibleTo(w.checklist)


def test_export_refuses_a_service_no_pack_knows(project_window):
    w = project_window
    w.model.project.services.append(project_io.SelectedService(id="gone-service"))
    w.export_dialog()
    assert w.errors and "gone-service" in w.errors[-1][1]


def test_save_as_user_pack_writes_a_pack_the_loader_accepts(project_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from editor.core import packfiles, packs
    from editor.resources import clause_packs_dir

    monkeypatch.setattr(packfiles, "user_packs_dir", lambda: tmp_path / "packs")
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args[2]))
    w = project_window
    w.checklist.describe.click()
    dialog = w.own_service_dialog
    fill(dialog)
    dialog.pack_button.click()
    assert shown and "packs" in shown[0]
    loaded = packs.load_catalog([clause_packs_dir()], [tmp_path / "packs"])
    assert "own-acme-crm" in loaded.services and not [e for e in loaded.errors if "user-own" in str(e.file)]
    dialog.reject()


def test_a_new_service_starts_in_germany_and_says_each_problem_once(project_window):
    w = project_window
    w.checklist.describe.click()
    dialog = w.own_service_dialog
    assert dialog.country_code() == "DE" and not dialog.safeguard.isEnabled()
    assert "outside the EU/EEA" not in dialog.problems.text()
    dialog.privacy_url.setText("http://insecure.example")
    lines = [line for line in dialog.problems.text().splitlines() if line.startswith("•")]
    assert len(lines) == len(set(lines)) and any("https://" in line for line in lines)
    dialog.reject()


def test_the_category_is_the_users_choice_and_a_missing_one_is_named_first(project_window):
    w = project_window
    w.checklist.describe.click()
    dialog = w.own_service_dialog
    fill(dialog)
    dialog.category.setCurrentIndex(0)
    assert dialog.category.currentData() == ""
    assert dialog.problems.text().splitlines()[1] == "• Choose a category.", dialog.problems.text()
    dialog.reject()
    w.checklist.describe.click()
    fresh = w.own_service_dialog
    assert fresh.category.currentData() == "" and fresh.category.currentText() == "— choose a category —"
    assert "Choose a category." in fresh.problems.text()
    fresh.reject()


def test_the_service_tab_says_an_own_service_is_described_not_verified(project_window):
    """Policy Editor checks an own service against its rules, never against the facts."""
    from editor.gui.targets import ServiceTarget

    w = project_window
    create(w)
    w.navigator.go(ServiceTarget("own-acme-crm"))
    facts = w.options_form.facts.text()
    assert "Described by you: " in facts and "Facts verified" not in facts
    w.navigator.go(ServiceTarget("google-analytics"))
    assert "Facts verified: " in w.options_form.facts.text()


def test_an_own_service_may_give_its_providers_notice_in_english(project_window):
    """A policy in both languages links the provider's English notice from the English text where
    the provider has one; the German text keeps the one address, and editing keeps it."""
    from editor.core.compose import compose
    from editor.core.document import iter_runs

    w = project_window
    assert {"de", "en"} <= set(w.model.project.languages)
    w.checklist.describe.click()
    dialog = w.own_service_dialog
    fill(dialog)
    assert dialog.privacy_url_en.isVisibleTo(dialog)
    dialog.privacy_url_en.setText("http://acme.example/en/privacy")
    assert "The English privacy notice must be an https:// address." in dialog.problems.text()
    dialog.privacy_url_en.setText("https://acme.example/en/privacy")
    confirm(w)
    record = w.model.project.own_services[0]
    assert record["provider"]["privacy_url_en"] == "https://acme.example/en/privacy"

    def links(lang):
        section = next(s for s in compose(w.catalog, w.model.project, lang).walk() if s.id == "service-own-acme-crm")
        return {r.link for b in section.blocks for r in iter_runs(b) if r.link}

    assert "https://acme.example/privacy" in links("de") and "https://acme.example/en/privacy" not in links("de")
    assert "https://acme.example/en/privacy" in links("en") and "https://acme.example/privacy" not in links("en")
    w.edit_own_service("own-acme-crm")
    assert w.own_service_dialog.privacy_url_en.text() == "https://acme.example/en/privacy"
    w.own_service_dialog.reject()


def test_after_ok_the_service_tab_shows_the_new_service_without_an_empty_line(project_window):
    """walk6 12: the panel still showed the service highlighted before, and a service without a
    description began with an empty line."""
    from editor.gui.targets import ServiceTarget

    w = project_window
    w.navigator.go(ServiceTarget("google-analytics"))
    assert w.options_form.service_id == "google-analytics"
    create(w)
    assert w.options_form.service_id == "own-acme-crm" and w.checklist.current_service() == "own-acme-crm"
    assert w.options_form.title.text() == "Acme CRM"
    facts = w.options_form.facts.text()
    assert facts.startswith("Provider: Acme Inc., ") and "\n\n" not in facts, repr(facts)
    # an edit shows the edited text at once
    w.checklist.edit.click()
    for widget in w.own_service_dialog.names.values():
        widget.setText("Acme Kunden")
    confirm(w)
    assert w.options_form.service_id == "own-acme-crm" and w.options_form.title.text() == "Acme Kunden"


def test_described_from_the_search_dead_end_the_new_service_is_shown(project_window):
    w = project_window
    w.checklist.search.setText("Zzyzx Qwrtplk")
    w.checklist.dead_end.click()
    fill(w.own_service_dialog, name="Zzyzx Qwrtplk")
    confirm(w)
    assert w.checklist.current_service() == "own-zzyzx-qwrtplk"
    assert w.options_form.service_id == "own-zzyzx-qwrtplk" and w.options_form.title.text() == "Zzyzx Qwrtplk"
    assert "own-zzyzx-qwrtplk" in w.checklist.visible_ids()


def test_the_form_says_a_processors_address_is_not_printed(project_window):
    """walk6 11: the address typed for a processor was silently left out of the policy (by design:
    a processor is named with its country); a controller's address is printed."""
    w = project_window
    w.checklist.describe.click()
    dialog = w.own_service_dialog
    fill(dialog, country="DE", safeguard="")
    note = dialog.address_note
    assert dialog.role.currentData() == "processor" and note.isVisibleTo(dialog)
    assert note.text().startswith("Not printed for a processor")
    dialog.role.setCurrentIndex(dialog.role.findData("controller"))
    assert not note.isVisibleTo(dialog)
    dialog.role.setCurrentIndex(dialog.role.findData("processor"))
    confirm(w)
    assert "1 Main St" not in w.preview.toPlainText() and "Acme Inc. (" in w.preview.toPlainText()
    w.edit_own_service("own-acme-crm")
    assert w.own_service_dialog.labels["address"].buddy() is w.own_service_dialog.address  # its shortcut types there
    w.own_service_dialog.reject()


def test_the_country_may_be_typed_as_its_name(project_window):
    """walk9 8: "Niederlande", though the list shows "NL – Niederlande", was refused with "give
    two letters". A name in either language, or a short form, is the country; one nobody knows
    stays in the field and the form says what to type."""
    w = project_window
    w.checklist.describe.click()
    dialog = w.own_service_dialog
    fill(dialog, safeguard="")
    for typed, code in (("Niederlande", "NL"), ("Netherlands", "NL"), ("USA", "US"), ("Vereinigte Staaten", "US")):
        dialog.country.setEditText(typed)
        assert dialog.country_code() == code, typed
        assert not any("country" in line for line in dialog._problem_list), typed
        assert dialog.safeguard.isEnabled() is (code == "US")
    dialog.country.setEditText("Atlantis")
    assert dialog.country.currentText() == "Atlantis"
    assert any("type its name or its two-letter code" in line for line in dialog._problem_list)
    dialog.country.setEditText("Niederlande")
    confirm(w)
    assert w.model.project.own_services[-1]["provider"]["country"] == "NL"


def test_describe_after_a_search_takes_the_search_text_as_the_name(project_window):
    """walk9 8: "Describe a service yourself…" after searching "Booking Engine XY" opened an empty
    form, while "Not in the list?" took the text: both take it; without a search the name is empty."""
    w = project_window
    w.checklist.search.setText("  Zzyzx Qwrtplk ")
    w.checklist.describe.click()
    dialog = w.own_service_dialog
    assert all(widget.text() == "Zzyzx Qwrtplk" for widget in dialog.names.values())
    dialog.reject()
    w.checklist.search.setText("")
    w.checklist.describe.click()
    assert all(widget.text() == "" for widget in w.own_service_dialog.names.values())
    w.own_service_dialog.reject()


def test_typing_part_of_a_country_name_offers_it(project_window, qtbot):
    """walk9 8: she typed "Niederl…" while the list says "NL – Niederlande": the field offers
    the countries whose entry holds what was typed, not only those starting with it."""
    w = project_window
    w.checklist.describe.click()
    dialog = w.own_service_dialog
    dialog.country.lineEdit().clear()
    qtbot.keyClicks(dialog.country.lineEdit(), "Nether")
    completer = dialog.country.completer()
    assert completer.completionCount() == 1 and completer.currentCompletion() == "NL – Netherlands"
    dialog.reject()
